/**
 * Calls the Corridor API from the browser. The session itself is the HttpOnly cookie set at sign-in,
 * which scripts cannot read; writes must echo the session's CSRF token, which the page keeps in
 * sessionStorage (one tab's lifetime) and sends as x-csrf-token.
 */
const CSRF_KEY = 'corridor.csrf';

export function rememberCsrfToken(token: string | null): void {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export function csrfToken(): string | null {
  return sessionStorage.getItem(CSRF_KEY);
}

export interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

/** The API's error shape: `{ error: { code, message, field?, rows? } }` (rows: a refused spreadsheet's problems). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly rows?: RowProblem[],
  ) {
    super(message);
  }
}

/** Called when the API answers 401: the session ended (expired, signed out in another tab). */
let onSessionEnded: () => void = () => {};
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

async function send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'the server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; field?: string; rows?: RowProblem[] } } | undefined)?.error;
    if (response.status === 401 && !path.startsWith('/api/auth/')) onSessionEnded();
    throw new ApiError(response.status, error?.code ?? 'UNKNOWN', error?.message ?? response.statusText, error?.field, error?.rows);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => send<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  delete: <T>(path: string) => send<T>('DELETE', path),
};

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
