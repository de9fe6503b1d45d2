/**
 * Ranking and fairness measures for evaluating suggestions against known good partner pairs.
 * Relevance is binary: a suggested organisation is relevant when the pair is known good.
 */

export function precisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (k <= 0) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits += 1;
  return hits / k;
}

export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits += 1;
  return hits / relevant.size;
}

/** Normalised discounted cumulative gain with binary gains and log2(rank + 1) discount. */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i += 1) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/**
 * Gini coefficient of non-negative amounts: 0 when all are equal, towards 1 when one holds all.
 * Computed from the sorted values: G = Σ (2i − n − 1)·x_i / (n·Σx), i = 1..n.
 */
export function giniCoefficient(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  return weighted / (n * total);
}

/** How many times each organisation appears in the others' lists. */
export function exposureCounts(lists: ReadonlyMap<string, readonly string[]>, everyone: readonly string[]): number[] {
  const counts = new Map(everyone.map((id) => [id, 0]));
  for (const list of lists.values()) for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
  return everyone.map((id) => counts.get(id) ?? 0);
}

export interface RankingQuality {
  precision: number;
  recall: number;
  ndcg: number;
  /** Organisations the averages are over: those with at least one known good partner. */
  evaluated: number;
}

/** Mean precision, recall and nDCG at k over organisations that have known good partners. */
export function rankingQuality(
  lists: ReadonlyMap<string, readonly string[]>,
  relevant: ReadonlyMap<string, ReadonlySet<string>>,
  k: number,
): RankingQuality {
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  let evaluated = 0;
  for (const [id, good] of relevant) {
    if (good.size === 0) continue;
    const ranked = lists.get(id) ?? [];
    precision += precisionAtK(ranked, good, k);
    recall += recallAtK(ranked, good, k);
    ndcg += ndcgAtK(ranked, good, k);
    evaluated += 1;
  }
  if (evaluated === 0) return { precision: 0, recall: 0, ndcg: 0, evaluated };
  return { precision: precision / evaluated, recall: recall / evaluated, ndcg: ndcg / evaluated, evaluated };
}
