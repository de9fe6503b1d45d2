/**
 * Countries by ISO 3166-1 alpha-2 code, named through the runtime's CLDR data (Intl.DisplayNames),
 * so names exist in English, Urdu and Chinese without a table of our own.
 */
const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

// Codes CLDR knows that are not countries a company can be registered in.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

function allCodes(): string[] {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      if (englishNames.of(code) !== code) codes.push(code);
    }
  }
  return codes;
}

export const COUNTRY_CODES: readonly string[] = allCodes();
const codeSet = new Set(COUNTRY_CODES);

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const byName = new Map<string, string>();
for (const code of COUNTRY_CODES) byName.set(normalise(englishNames.of(code) ?? code), code);
// Names people write that CLDR spells differently.
for (const [alias, code] of [
  ['peoplesrepublicofchina', 'CN'],
  ['prc', 'CN'],
  ['mainlandchina', 'CN'],
  ['islamicrepublicofpakistan', 'PK'],
  ['uae', 'AE'],
  ['uk', 'GB'],
  ['usa', 'US'],
  ['unitedstatesofamerica', 'US'],
  ['turkey', 'TR'],
] as const) {
  byName.set(alias, code);
}

/** Accepts an ISO code or an English name; returns the ISO code, or null if it is not a country. */
export function parseCountry(input: string): string | null {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && codeSet.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return byName.get(normalise(trimmed)) ?? null;
}

export function countryName(code: string, language = 'en'): string {
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
}
