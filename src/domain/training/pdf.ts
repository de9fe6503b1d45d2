/**
 * A one-page PDF with text in the standard Helvetica fonts, which every PDF reader carries, so
 * nothing is embedded and no PDF library is needed (PDF 32000-1:2008, §7.5 file structure, §9.6.2
 * standard Type 1 fonts, Annex D WinAnsiEncoding). Text must be Latin: other scripts would need
 * an embedded font.
 */

export type FontName = 'Helvetica' | 'Helvetica-Bold';

export interface TextItem {
  text: string;
  font: FontName;
  size: number;
  /** Baseline y in points from the bottom of the page. */
  y: number;
  /** Left x in points; absent: centred on the page. */
  x?: number;
  /** Grey level 0 (black) to 1 (white). */
  grey?: number;
}

export interface PageDrawing {
  width: number;
  height: number;
  /** Rectangles drawn as outlines: [x, y, width, height, line width]. */
  frames: [number, number, number, number, number][];
  texts: TextItem[];
  info: { title: string; subject: string; creationDate: Date };
}

// Advance widths (1/1000 em) of the printable ASCII characters 32–126, from Adobe's Helvetica AFM files.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667,
  722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
  278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722,
  722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556,
  333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const WIDTHS: Record<FontName, number[]> = { Helvetica: HELVETICA, 'Helvetica-Bold': HELVETICA_BOLD };

// WinAnsiEncoding places these outside Latin-1 in the 0x80–0x9F range.
const WIN_ANSI_EXTRA: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99 };

function winAnsiCode(char: string): number | null {
  const code = char.codePointAt(0)!;
  if ((code >= 32 && code <= 126) || (code >= 0xa0 && code <= 0xff)) return code;
  return WIN_ANSI_EXTRA[char] ?? null;
}

/** True when the standard fonts can write the text (possibly after dropping accents they lack). */
export function isLatinText(text: string): boolean {
  return [...text.normalize('NFC')].every((c) => c === '?' || toWinAnsi(c) !== '?');
}

/** The text in characters the standard fonts have: accents they lack are dropped, others become "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (winAnsiCode(char) !== null) {
      out += char;
      continue;
    }
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...base].every((c) => winAnsiCode(c) !== null) && base ? base : '?';
  }
  return out;
}

function charWidth(char: string, font: FontName): number {
  const code = char.charCodeAt(0);
  if (code >= 32 && code <= 126) return WIDTHS[font][code - 32]!;
  const base = char.normalize('NFD').charCodeAt(0);
  return base >= 32 && base <= 126 ? WIDTHS[font][base - 32]! : 556;
}

export function textWidth(text: string, font: FontName, size: number): number {
  let units = 0;
  for (const char of toWinAnsi(text)) units += charWidth(char, font);
  return (units * size) / 1000;
}

/** Splits text into lines no wider than `maxWidth`, at spaces. */
export function wrapText(text: string, font: FontName, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, font, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function pdfString(text: string): string {
  let out = '(';
  for (const char of toWinAnsi(text)) {
    const code = winAnsiCode(char)!;
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (code < 32 || code > 126) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += char;
  }
  return `${out})`;
}

const fixed = (n: number) => (Math.round(n * 100) / 100).toString();

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

/** Writes the page as PDF bytes. Every byte is ASCII, so offsets are string lengths. */
export function writePdf(page: PageDrawing): Uint8Array {
  const fontIds: Record<FontName, string> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };
  const content: string[] = [];
  for (const [x, y, w, h, line] of page.frames) content.push(`${fixed(line)} w ${fixed(x)} ${fixed(y)} ${fixed(w)} ${fixed(h)} re S`);
  for (const t of page.texts) {
    const x = t.x ?? (page.width - textWidth(t.text, t.font, t.size)) / 2;
    content.push(`BT ${fixed(t.grey ?? 0)} g /${fontIds[t.font]} ${t.size} Tf ${fixed(x)} ${fixed(t.y)} Td ${pdfString(t.text)} Tj ET`);
  }
  const stream = content.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${pdfString(page.info.title)} /Subject ${pdfString(page.info.subject)} /Producer (Corridor) /CreationDate (${pdfDate(page.info.creationDate)}) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  // Each cross-reference entry is exactly 20 bytes, ending in space + newline.
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
