/** The one error type the product raises on purpose; the HTTP layer maps `code` to a status once. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_REACHED'
  | 'DEADLINE_PASSED'
  | 'RULE_VIOLATED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE';

export interface RowError {
  row: number;
  column?: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly rows?: RowError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validation = (field: string, message: string) => new AppError('VALIDATION', message, field);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field);
