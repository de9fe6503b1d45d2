import { formatDate } from './session-times';
import { wrapText, writePdf } from './pdf';
import type { TextItem } from './pdf';

// Crockford's base 32: no I, L, O or U, so a code read aloud or retyped from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code from 60 random bits, written XXXX-XXXX-XXXX. */
export function certificateCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('a certificate code needs 8 random bytes');
  let bits = 0n;
  for (const byte of random.slice(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Reads a code as people type it: any case, with or without dashes, O for 0 and I or L for 1. */
export function normaliseCode(input: string): string | null {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== 12 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}`;
}

export interface CertificateText {
  code: string;
  holderName: string;
  programmeTitle: string;
  organisedBy: string[];
  heldFrom: Date;
  heldUntil: Date;
  timeZone: string;
  sessionsAttended: number;
  sessionsHeld: number;
  issuedAt: Date;
  verifyUrl: string;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "28 September 2026" or "28 September 2026 to 5 October 2026", in the programme's zone. */
export function heldText(from: Date, until: Date, zone: string): string {
  const first = formatDate(from, zone, 'en').replace(/^\w+, /, '');
  const last = formatDate(until, zone, 'en').replace(/^\w+, /, '');
  return first === last ? first : `${first} to ${last}`;
}

/** The certificate of participation as a one-page A4 landscape PDF. */
export function certificatePdf(c: CertificateText): Uint8Array {
  const width = 842;
  const height = 595;
  const texts: TextItem[] = [
    { text: 'CERTIFICATE OF PARTICIPATION', font: 'Helvetica-Bold', size: 28, y: 470 },
    { text: 'This is to certify that', font: 'Helvetica', size: 14, y: 420, grey: 0.3 },
    { text: c.holderName, font: 'Helvetica-Bold', size: 30, y: 375 },
    { text: 'took part in the training programme', font: 'Helvetica', size: 14, y: 335, grey: 0.3 },
  ];
  let y = 300;
  for (const line of wrapText(c.programmeTitle, 'Helvetica-Bold', 20, width - 160).slice(0, 3)) {
    texts.push({ text: line, font: 'Helvetica-Bold', size: 20, y });
    y -= 26;
  }
  if (c.organisedBy.length > 0) {
    texts.push({ text: `organised by ${joinNames(c.organisedBy)}`, font: 'Helvetica', size: 14, y: y - 8, grey: 0.3 });
    y -= 30;
  }
  const attended = c.sessionsHeld > 1 ? ` (${c.sessionsAttended} of ${c.sessionsHeld} sessions attended)` : '';
  texts.push({ text: `held ${heldText(c.heldFrom, c.heldUntil, c.timeZone)}${attended}`, font: 'Helvetica', size: 12, y: y - 12, grey: 0.3 });
  texts.push({ text: `Issued ${heldText(c.issuedAt, c.issuedAt, c.timeZone)}`, font: 'Helvetica', size: 10, y: 96, grey: 0.35 });
  texts.push({ text: `Certificate code ${c.code}`, font: 'Helvetica-Bold', size: 11, y: 78 });
  texts.push({ text: `Check it at ${c.verifyUrl}`, font: 'Helvetica', size: 10, y: 62, grey: 0.35 });
  return writePdf({
    width,
    height,
    frames: [
      [24, 24, width - 48, height - 48, 2],
      [32, 32, width - 64, height - 64, 0.5],
    ],
    texts,
    info: { title: `Certificate of participation: ${c.programmeTitle}`, subject: `Certificate code ${c.code}`, creationDate: c.issuedAt },
  });
}
