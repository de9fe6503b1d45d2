import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { parseGoodPairs, registerEvalMatchingCommand } from '../../../src/cli/commands/eval-matching';
import { evaluateMatching } from '../../../src/domain/matching/index';
import type { EvaluationResult } from '../../../src/domain/matching/index';
import { relevantPartners } from '../../../src/domain/matching/evaluation';
import { readOrganisationsFile } from '../../../src/services/import/read-organisations-file';
import { buildOrganisation } from './factories';

const folder = (name: string): string => fileURLToPath(new URL(`../../../reference/matching/${name}`, import.meta.url));

async function evaluateFolder(dir: string): Promise<EvaluationResult> {
  const { organisations } = await readOrganisationsFile(`${dir}/organisations.csv`);
  expect(organisations.length).toBeGreaterThan(20);
  const pairs = parseGoodPairs(readFileSync(`${dir}/good_pairs.csv`, 'utf8'));
  return evaluateMatching(organisations, pairs, { k: 10 });
}

function byMethod(result: EvaluationResult) {
  const [fair, ranked, tags, text] = result.methods;
  if (!fair || !ranked || !tags || !text) throw new Error('missing a method');
  return { fair, ranked, tags, text };
}

for (const [label, dir] of [
  ['the labelled set', folder('.')],
  ['the held-out set', folder('holdout')],
] as const) {
  describe.skipIf(!existsSync(`${dir}/good_pairs.csv`))(`evaluation on ${label}`, () => {
    it('Corridor beats both baselines on recall@10 and nDCG@10, with fairer exposure than tags', async () => {
      const { fair, ranked, tags, text } = byMethod(await evaluateFolder(dir));
      for (const corridor of [fair, ranked]) {
        expect(corridor.recall).toBeGreaterThan(tags.recall);
        expect(corridor.recall).toBeGreaterThan(text.recall);
        expect(corridor.ndcg).toBeGreaterThan(tags.ndcg + 0.05);
        expect(corridor.ndcg).toBeGreaterThan(text.ndcg + 0.05);
      }
      expect(fair.exposureGini).toBeLessThan(tags.exposureGini);
      expect(fair.exposureGini).toBeLessThan(ranked.exposureGini);
    });
  });
}

describe('evaluateMatching', () => {
  it('treats pairs as undirected and reports pairs naming unknown organisations', () => {
    const { relevant, unknown } = relevantPartners(
      [
        { a: 'x', b: 'y' },
        { a: 'y', b: 'z' },
        { a: 'x', b: 'nobody' },
      ],
      new Set(['x', 'y', 'z']),
    );
    expect([...(relevant.get('y') ?? [])].sort()).toEqual(['x', 'z']);
    expect([...(relevant.get('x') ?? [])]).toEqual(['y']);
    expect(unknown).toEqual([{ a: 'x', b: 'nobody' }]);
  });

  it('scores a perfect small case at 1 for Corridor', () => {
    const buyer = buildOrganisation({ id: 'buyer', country: 'PK', stages: ['packs'], requests: ['LFP cells'], requestHsCodes: ['850760'] });
    const seller = buildOrganisation({ id: 'seller', country: 'CN', stages: ['cells'], hsCodes: ['850760'], offers: ['LFP cells'] });
    const other = buildOrganisation({ id: 'other', country: 'CN', stages: ['fertilisers'], offers: ['urea'] });
    const result = evaluateMatching([buyer, seller, other], [{ a: 'buyer', b: 'seller' }], { k: 1 });
    const fair = byMethod(result).fair;
    expect(result.evaluated).toBe(2);
    expect(fair.recall).toBe(1);
    expect(fair.ndcg).toBe(1);
    expect(fair.precision).toBe(1);
  });
});

describe('corridor eval-matching', () => {
  async function run(args: string[], pairsCsv: string) {
    const out: string[] = [];
    const err: string[] = [];
    const packMaker = buildOrganisation({ id: 'PK-1', country: 'PK', stages: ['packs'], requests: ['LFP cells'], requestHsCodes: ['850760'] });
    const cellMaker = buildOrganisation({ id: 'CN-1', country: 'CN', stages: ['cells'], hsCodes: ['850760'], offers: ['磷酸铁锂电芯'] });
    const program = new Command().exitOverride();
    registerEvalMatchingCommand(program, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      readOrganisations: async () => ({ organisations: [packMaker, cellMaker], errors: [] }),
      readText: async () => pairsCsv,
    });
    await program.parseAsync(['node', 'corridor', 'eval-matching', 'orgs.csv', 'pairs.csv', ...args]);
    return { out: out.join(''), err: err.join('') };
  }

  it('prints one row per method with the measures at k', async () => {
    const { out } = await run(['--k', '5'], 'a_external_id,b_external_id,reason\nPK-1,CN-1,cells for packs\n');
    expect(out).toContain('recall@5');
    expect(out).toMatch(/Corridor \(fair allocation\)\s+0\.200\s+1\.000\s+1\.000/);
    expect(out).toContain('Baseline: shared tags (Jaccard)');
    expect(out).toContain('Baseline: text only (BM25)');
  });

  it('prints JSON and warns about pairs naming unknown organisations', async () => {
    const { out, err } = await run(['--json'], 'PK-1,CN-1\nPK-1,XX-9\n');
    const result = JSON.parse(out) as EvaluationResult;
    expect(result.k).toBe(10);
    expect(result.methods).toHaveLength(4);
    expect(err).toContain('PK-1,XX-9');
  });
});
