import type net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  messageId: string;
  to: string;
  raw: string;
}

/**
 * A real SMTP server on loopback. `answer` decides each message's fate by its arrival number:
 * accept (null), refuse with an SMTP code, or 'hold' (never answer, as a server would while the
 * sender dies mid-send). Only accepted messages count as received.
 */
export async function startSmtp(answer: (n: number) => number | 'hold' | null = () => null, port = 0) {
  const received: Received[] = [];
  let arrivals = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const n = ++arrivals;
        const verdict = answer(n);
        for (const w of waiters.splice(0)) w();
        if (verdict === 'hold') return;
        if (verdict !== null) return callback(Object.assign(new Error(verdict >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: verdict }));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ messageId: /^Message-ID: (.+)$/im.exec(raw)![1]!.trim(), to: /^To: (.+)$/im.exec(raw)![1]!.trim(), raw });
        callback();
        for (const w of waiters.splice(0)) w();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as net.AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    arrivals: () => arrivals,
    /** Resolves once `condition` holds, re-checked on every arrival (no polling, no sleeps). */
    until(condition: () => boolean) {
      return new Promise<void>((resolve) => {
        const check = () => (condition() ? resolve() : waiters.push(check));
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

