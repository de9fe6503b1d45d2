import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certificateCode, certificatePdf, heldText, normaliseCode } from '../../../src/domain/training/certificate';
import { isLatinText, textWidth, toWinAnsi, wrapText } from '../../../src/domain/training/pdf';

const text = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** Checks the file structure a PDF reader relies on: every cross-reference offset lands on its object. */
function checkStructure(pdf: string) {
  expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
  expect(pdf.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
  expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(pdf.slice(startxref))!;
  expect(first).toBe('0');
  const entries = pdf.slice(startxref).split('\n').slice(2, 2 + Number(count));
  entries.slice(1).forEach((entry, i) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
  const streamStart = pdf.indexOf('stream\n') + 'stream\n'.length;
  expect(pdf.slice(streamStart + length, streamStart + length + '\nendstream'.length)).toBe('\nendstream');
}

const certificate = {
  code: '7K3M-9QXT-2D4F',
  holderName: 'Zoë Ahmed-Qureshi (Lahore)',
  programmeTitle: 'Powering Belt and Road: Lithium-ion batteries — from cells to packs and their recycling in Pakistan and China',
  organisedBy: ['BTBU', 'ECOSF'],
  heldFrom: new Date('2025-09-28T06:00:00Z'),
  heldUntil: new Date('2025-10-05T08:00:00Z'),
  timeZone: 'Asia/Shanghai',
  sessionsAttended: 2,
  sessionsHeld: 2,
  issuedAt: new Date('2025-10-06T02:00:00Z'),
  verifyUrl: 'https://corridor.example/certificates/7K3M-9QXT-2D4F',
};

describe('certificate codes', () => {
  it('are 12 characters of Crockford base 32, read back however people type them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = certificateCode(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(normaliseCode(code.toLowerCase().replace(/-/g, ''))).toBe(code);
      }),
    );
    expect(normaliseCode('7k3m 9qxt 2d4f')).toBe('7K3M-9QXT-2D4F');
    expect(normaliseCode('OOOO-IIII-LLLL')).toBe('0000-1111-1111');
    expect(normaliseCode('7K3M-9QXT')).toBeNull();
    expect(normaliseCode('UUUU-UUUU-UUUU')).toBeNull();
  });
});

describe('the certificate PDF', () => {
  it('is a well-formed one-page PDF with the holder, programme, dates and code', () => {
    const pdf = text(certificatePdf(certificate));
    checkStructure(pdf);
    expect(pdf).toContain('/MediaBox [0 0 842 595]');
    expect(pdf).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
    expect(pdf).toContain('(Zo\\353 Ahmed-Qureshi \\(Lahore\\))');
    expect(pdf).toContain('(organised by BTBU and ECOSF)');
    expect(pdf).toContain('(held 28 September 2025 to 5 October 2025 \\(2 of 2 sessions attended\\))');
    expect(pdf).toContain('(Certificate code 7K3M-9QXT-2D4F)');
    expect(pdf).toContain('(Check it at https://corridor.example/certificates/7K3M-9QXT-2D4F)');
    // The long title wraps onto lines that fit between the margins.
    const titleLines = [...pdf.matchAll(/\/F2 20 Tf ([\d.]+) [\d.]+ Td \((.*)\) Tj/g)];
    expect(titleLines.length).toBeGreaterThan(1);
    for (const [, x] of titleLines) expect(Number(x)).toBeGreaterThan(70);
  });

  it('writes only what the standard fonts have', () => {
    expect(toWinAnsi('Zoë Ağa — “Wang Fang”')).toBe('Zoë Aga — “Wang Fang”');
    expect(isLatinText('Muhammad Ali')).toBe(true);
    expect(isLatinText('Çelik Şahin')).toBe(true);
    expect(isLatinText('王芳')).toBe(false);
    expect(isLatinText('محمد علی')).toBe(false);
    // W 944 + a 556 + n 556 + g 556 + space 278 + F 611 + a 556 + n 556 + g 556 = 5169 thousandths of an em.
    expect(textWidth('Wang Fang', 'Helvetica', 10)).toBeCloseTo(51.69, 5);
    expect(wrapText('one two three four', 'Helvetica', 10, 45)).toEqual(['one two', 'three four']);
  });

  it('names the days in the programme’s zone', () => {
    expect(heldText(new Date('2025-09-27T17:00:00Z'), new Date('2025-09-27T18:00:00Z'), 'Asia/Shanghai')).toBe('28 September 2025');
    expect(heldText(new Date('2025-09-27T17:00:00Z'), new Date('2025-09-27T18:00:00Z'), 'Asia/Karachi')).toBe('27 September 2025');
  });
});
