import { describe, expect, it } from 'vitest';
import { ReadCache } from '../../src/services/read-cache';

describe('read cache', () => {
  it('forgets entries when their time is up', () => {
    let now = 1_000;
    const cache = new ReadCache<string>(2_000, 100, () => now);
    cache.set('a', 'x');
    now += 1_999;
    expect(cache.get('a')).toBe('x');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops by prefix and stays within its size', () => {
    const cache = new ReadCache<number>(60_000, 10);
    for (let i = 0; i < 25; i++) cache.set(`event-${i % 2}|${i}`, i);
    const kept = Array.from({ length: 25 }, (_, i) => cache.get(`event-${i % 2}|${i}`)).filter((v) => v !== undefined);
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept).toContain(24);
    cache.deletePrefix('event-0|');
    expect(Array.from({ length: 25 }, (_, i) => i).filter((i) => i % 2 === 0).map((i) => cache.get(`event-0|${i}`))).toEqual(Array(13).fill(undefined));
    expect(cache.get('event-1|23')).toBe(23);
  });

  it('loads once and serves the loaded value until it expires', async () => {
    const cache = new ReadCache<number>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(loads).toBe(1);
  });
});
