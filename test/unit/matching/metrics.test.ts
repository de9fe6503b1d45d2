import { describe, expect, it } from 'vitest';
import { exposureCounts, giniCoefficient, ndcgAtK, precisionAtK, rankingQuality, recallAtK } from '../../../src/domain/matching/metrics';

describe('ranking metrics', () => {
  const ranked = ['a', 'x', 'b', 'y', 'z'];
  const relevant = new Set(['a', 'b', 'c']);

  it('precision@k counts hits among the first k', () => {
    expect(precisionAtK(ranked, relevant, 1)).toBe(1);
    expect(precisionAtK(ranked, relevant, 3)).toBeCloseTo(2 / 3);
    expect(precisionAtK(ranked, relevant, 5)).toBeCloseTo(2 / 5);
    // A short list is still judged over k places.
    expect(precisionAtK(['a'], relevant, 4)).toBeCloseTo(1 / 4);
  });

  it('recall@k divides hits by the number of relevant partners', () => {
    expect(recallAtK(ranked, relevant, 1)).toBeCloseTo(1 / 3);
    expect(recallAtK(ranked, relevant, 5)).toBeCloseTo(2 / 3);
  });

  it('nDCG@k discounts later hits by log2 of the rank', () => {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal with 3 relevant in 5 = 1 + 1/log2(3) + 1/2.
    const ideal = 1 + 1 / Math.log2(3) + 0.5;
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo(1.5 / ideal, 10);
    // k = 2: DCG = 1, ideal = 1 + 1/log2(3).
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 10);
    expect(ndcgAtK(['a', 'b', 'c'], relevant, 3)).toBeCloseTo(1, 12);
    expect(ndcgAtK(['x'], relevant, 3)).toBe(0);
  });

  it('averages over organisations that have good partners only', () => {
    const lists = new Map([
      ['p', ['a', 'x']],
      ['q', ['x', 'y']],
      ['r', ['a']],
    ]);
    const good = new Map([
      ['p', new Set(['a'])],
      ['q', new Set(['y', 'z'])],
    ]);
    const q = rankingQuality(lists, good, 2);
    expect(q.evaluated).toBe(2);
    expect(q.precision).toBeCloseTo((1 / 2 + 1 / 2) / 2);
    expect(q.recall).toBeCloseTo((1 + 1 / 2) / 2);
    // p: hit at rank 1 → 1. q: hit at rank 2 → (1/log2 3) / (1 + 1/log2 3).
    expect(q.ndcg).toBeCloseTo((1 + 1 / Math.log2(3) / (1 + 1 / Math.log2(3))) / 2, 10);
  });
});

describe('exposure fairness', () => {
  it('Gini is 0 for equal exposure and (n-1)/n when one takes everything', () => {
    expect(giniCoefficient([3, 3, 3, 3])).toBe(0);
    expect(giniCoefficient([0, 0, 0, 8])).toBeCloseTo(3 / 4);
    expect(giniCoefficient([])).toBe(0);
  });

  it('Gini matches the mean absolute difference definition', () => {
    const xs = [1, 2, 3, 10];
    let sum = 0;
    for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(giniCoefficient(xs)).toBeCloseTo(sum / (2 * xs.length * xs.length * mean), 12);
  });

  it('counts how often each organisation is suggested, zeros included', () => {
    const lists = new Map([
      ['a', ['b', 'c']],
      ['b', ['c']],
    ]);
    expect(exposureCounts(lists, ['a', 'b', 'c', 'd'])).toEqual([0, 1, 2, 0]);
  });
});
