import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../src/web/i18n/resources';

const { en, ur, zh } = RESOURCES;

// Not a browser test, but it guards what the browser tests read: every page's words in all three languages.
type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).filter((n) => n !== 'count').sort();
const english = flatten(en);
const base = (key: string) => key.replace(PLURAL, '');

describe.each([
  ['ur', ur],
  ['zh', zh],
] as const)('the %s translation', (_language, resource) => {
  const translated = flatten(resource);
  const translatedBases = new Set([...translated.keys()].map(base));

  it('has every English text, with the same placeholders', () => {
    const missing = [...new Set([...english.keys()].map(base))].filter((key) => !translatedBases.has(key));
    expect(missing).toEqual([]);
    for (const [key, text] of translated) {
      const source = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key));
      expect(source, key).toBeDefined();
      expect(placeholders(text), key).toEqual(placeholders(source!));
    }
  });

  it('has no text the English lacks', () => {
    const extra = [...translated.keys()].filter((key) => !english.has(key) && !english.has(`${base(key)}_other`));
    expect(extra).toEqual([]);
  });
});

describe('the web app source', () => {
  it('asks only for texts that exist', () => {
    const root = fileURLToPath(new URL('../../src/web', import.meta.url));
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const asked = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) asked.add(match[1]!);
    }
    const englishBases = new Set([...english.keys()].map(base));
    expect([...asked].filter((key) => !englishBases.has(key))).toEqual([]);
    expect(asked.size).toBeGreaterThan(100);
  });
});
