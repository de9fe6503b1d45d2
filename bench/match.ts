/**
 * Matchmaking benchmark: quality on the labelled sets and speed on a large synthetic event,
 * Corridor next to the shared-tags and BM25 baselines.
 *
 *   npm run bench:match                       # 10,000 synthetic organisations
 *   npm run bench:match -- --organisations 2000
 *
 * The synthetic event recombines the labelled organisations (reference/matching): each one
 * takes a labelled organisation's identity and stage, mixes in the offers and requests of
 * another organisation of the same stage and country, and drops some codes and sentences. So
 * its vocabulary is as narrow as one real sector event's, which is the hard case for an
 * inverted index: common words reach thousands of organisations.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseGoodPairs } from '../src/cli/commands/eval-matching';
import {
  allocateFairly,
  buildMatchIndex,
  candidateLists,
  evaluateMatching,
  PAKISTAN_CHINA_ONLY,
  recommend,
  tagBaseline,
  textBaseline,
  updateOrganisation,
} from '../src/domain/matching/index';
import type { Baseline, EvaluationResult } from '../src/domain/matching/index';
import type { OrganisationWithItems } from '../src/domain/organisation';
import { readOrganisationsFile } from '../src/services/import/read-organisations-file';

const labelled = fileURLToPath(new URL('../reference/matching/', import.meta.url));
const sizeArg = process.argv.indexOf('--organisations');
const SIZE = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 10_000;
const LATENCY_SAMPLES = 200;
const UPDATE_SAMPLES = 100;

/** Deterministic so runs compare: a linear congruential generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function syntheticEvent(base: readonly OrganisationWithItems[], size: number): OrganisationWithItems[] {
  const rnd = random(2025);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
  const peers = new Map<string, OrganisationWithItems[]>();
  for (const o of base) {
    const key = `${o.country}|${o.stages[0] ?? ''}`;
    peers.set(key, [...(peers.get(key) ?? []), o]);
  }
  return Array.from({ length: size }, (_, n) => {
    const b = pick(base);
    const donor = pick(peers.get(`${b.country}|${b.stages[0] ?? ''}`) ?? [b]);
    const items = [...some(b.items, 0.75), ...some(donor.items, 0.35)];
    const id = `SYN-${n}`;
    return {
      ...b,
      id,
      externalId: id,
      name: `${b.name} ${n}`,
      hsCodes: [...new Set([...some(b.hsCodes, 0.85), ...some(donor.hsCodes, 0.3)])],
      description: some(b.description.split('. '), 0.7).join('. '),
      items: items.length ? items : b.items.slice(0, 1),
    };
  });
}

function seconds(run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`, ...rows.map(line)].join('\n');
}

function qualityTable(title: string, result: EvaluationResult): string {
  const k = result.k;
  return [
    `${title}: ${result.organisations} organisations, ${result.evaluated} with known good partners`,
    table(
      ['method', `precision@${k}`, `recall@${k}`, `nDCG@${k}`, 'coverage', 'exposure Gini'],
      result.methods.map((m) => [m.method, m.precision.toFixed(3), m.recall.toFixed(3), m.ndcg.toFixed(3), m.coverage.toFixed(3), m.exposureGini.toFixed(3)]),
    ),
  ].join('\n');
}

async function quality(dir: string, title: string): Promise<string | undefined> {
  if (!existsSync(`${dir}/good_pairs.csv`)) return undefined;
  const { organisations } = await readOrganisationsFile(`${dir}/organisations.csv`);
  const pairs = parseGoodPairs(readFileSync(`${dir}/good_pairs.csv`, 'utf8'));
  return qualityTable(title, evaluateMatching(organisations, pairs, { k: 10 }));
}

function baselineSpeed(name: string, build: () => Baseline, ids: string[], rnd: () => number): string[] {
  let b: Baseline | undefined;
  const buildSeconds = seconds(() => (b = build()));
  const built = b as Baseline;
  const all = seconds(() => built.rankAll(10));
  const single = Array.from({ length: LATENCY_SAMPLES }, () => seconds(() => built.rank(ids[Math.floor(rnd() * ids.length)] ?? '', 10)) * 1000);
  const { p50, p95 } = percentiles(single);
  return [name, buildSeconds.toFixed(2), all.toFixed(2), '-', `${p50.toFixed(1)} / ${p95.toFixed(1)}`, `rebuild ${(buildSeconds * 1000).toFixed(0)}`];
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`# Matchmaking benchmark\n\nMachine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}\n`);

  for (const [dir, title] of [
    [labelled, 'Labelled set (reference/matching)'],
    [`${labelled}holdout`, 'Held-out set (reference/matching/holdout)'],
  ] as const) {
    const text = await quality(dir, title);
    if (text) console.log(`${text}\n`);
  }

  const { organisations: base } = await readOrganisationsFile(`${labelled}organisations.csv`);
  const event = syntheticEvent(base, SIZE);
  const ids = event.map((o) => o.id);
  const rnd = random(7);

  let index = buildMatchIndex([]);
  const buildSeconds = seconds(() => (index = buildMatchIndex(event)));
  const allSeconds = seconds(() => candidateLists(index, 10));
  let coverage = 0;
  let gini = 0;
  const fairSeconds = seconds(() => {
    const allocation = allocateFairly(index, { k: 10 });
    coverage = allocation.coverage;
    gini = allocation.exposureGini;
  });
  const single = Array.from({ length: LATENCY_SAMPLES }, () => seconds(() => recommend(index, ids[Math.floor(rnd() * ids.length)] ?? '', 10)) * 1000);
  const updates = Array.from({ length: UPDATE_SAMPLES }, () => {
    const o = event[Math.floor(rnd() * event.length)] as OrganisationWithItems;
    const edited = { ...o, items: [...o.items, { ...(o.items[0] as OrganisationWithItems['items'][number]), kind: 'request' as const, title: 'LFP cells', text: '' }] };
    return seconds(() => {
      updateOrganisation(index, edited);
      recommend(index, o.id, 10);
    }) * 1000;
  });
  const s = percentiles(single);
  const u = percentiles(updates);

  console.log(`Speed: ${SIZE.toLocaleString('en')} synthetic organisations, k = 10, Pakistani ↔ Chinese pairing`);
  console.log(
    table(
      ['method', 'build s', 'all top-10 s', 'fair allocation s', 'one top-10 ms p50 / p95', 'update + top-10 ms p50 / p95'],
      [
        ['Corridor', buildSeconds.toFixed(2), allSeconds.toFixed(2), fairSeconds.toFixed(2), `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`, `${u.p50.toFixed(1)} / ${u.p95.toFixed(1)}`],
        baselineSpeed('Baseline: shared tags (Jaccard)', () => tagBaseline(event, PAKISTAN_CHINA_ONLY), ids, rnd),
        baselineSpeed('Baseline: text only (BM25)', () => textBaseline(event, PAKISTAN_CHINA_ONLY), ids, rnd),
      ],
    ),
  );
  console.log(`\nFair allocation on the synthetic event: coverage ${coverage.toFixed(3)}, exposure Gini ${gini.toFixed(3)} (capacity 8 meetings × 2).`);
  console.log('Baselines have no incremental index: an edit means a rebuild. Targets: everyone < 30 s, one < 100 ms.');
}

await main();
