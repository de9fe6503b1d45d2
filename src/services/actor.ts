/** Who is asking. Resolved once per request by the HTTP layer (or set by the CLI) and passed to every service. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      role: 'organiser' | 'delegate';
      email: string;
      name: string;
      via: 'session' | 'api-token' | 'cli';
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * The command line runs with the authority of whoever can reach the database directly: it organises
 * every event. Its audit entries carry no user.
 */
export const CLI_ACTOR: Actor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'organiser',
  email: 'cli@localhost',
  name: 'command line',
  via: 'cli',
};
