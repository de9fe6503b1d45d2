import fs from 'node:fs';
import path from 'node:path';

/**
 * The newest e-mail to `address` in the server's outbox (DATA_DIR/outbox/*.eml), waiting for the
 * outbox worker to write it. Returns the headers and the decoded text of the (single-part) message.
 */
export async function waitForMail(dataDir: string, address: string, matching: RegExp, timeoutMs = 15_000): Promise<string> {
  const directory = path.join(dataDir, 'outbox');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(directory) ? fs.readdirSync(directory).filter((f) => f.endsWith('.eml')) : [];
    const messages = files
      .map((f) => ({ file: f, mtime: fs.statSync(path.join(directory, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .map(({ file }) => readMessage(fs.readFileSync(path.join(directory, file), 'utf8')));
    const found = messages.find((text) => text.toLowerCase().includes(`to: ${address.toLowerCase()}`) && matching.test(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} matching ${matching} in ${directory} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Plain-text e-mails only: nodemailer picks base64 or quoted-printable by how much is not ASCII. */
function readMessage(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return `${headers}\n\n${text}`;
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
