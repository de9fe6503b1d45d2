import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFairly, buildMatchIndex } from '../../../src/domain/matching/index';
import { solveAssignment } from '../../../src/domain/matching/min-cost-flow';
import type { AssignmentArc, AssignmentProblem } from '../../../src/domain/matching/min-cost-flow';
import { buildOrganisation } from './factories';

/** Best (pairs given, total weight) over every subset of arcs: the definition, by enumeration. */
function bruteForce(p: AssignmentProblem): { count: number; weight: number } {
  let best = { count: 0, weight: 0 };
  const n = p.arcs.length;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    const given = new Array(p.wants.length).fill(0);
    const taken = new Array(p.capacity.length).fill(0);
    let weight = 0;
    let count = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i += 1) {
      if (!(mask & (1 << i))) continue;
      const a = p.arcs[i]!;
      given[a.requester] += 1;
      taken[a.partner] += 1;
      ok = given[a.requester] <= p.wants[a.requester]! && taken[a.partner] <= p.capacity[a.partner]!;
      weight += a.weight;
      count += 1;
    }
    if (ok && (count > best.count || (count === best.count && weight > best.weight + 1e-9))) best = { count, weight };
  }
  return best;
}

function valueOf(p: AssignmentProblem, chosen: number[][]): { count: number; weight: number } {
  const arcs = chosen.flat().map((i) => p.arcs[i]!);
  return { count: arcs.length, weight: arcs.reduce((s, a) => s + a.weight, 0) };
}

function respectsLimits(p: AssignmentProblem, chosen: number[][]): boolean {
  const taken = new Array(p.capacity.length).fill(0);
  return chosen.every((list, requester) => {
    for (const i of list) {
      const a = p.arcs[i]!;
      if (a.requester !== requester) return false;
      taken[a.partner] += 1;
    }
    return list.length <= p.wants[requester]! && new Set(list.map((i) => p.arcs[i]!.partner)).size === list.length;
  }) && taken.every((t, j) => t <= p.capacity[j]!);
}

describe('capacitated assignment', () => {
  it('solves a hand case where the greedy choice is wrong', () => {
    // Both requesters like partner 0 best, but it can take one; giving it to requester 1,
    // who has no other option, gives more pairs than letting requester 0 take it first.
    const problem: AssignmentProblem = {
      wants: [1, 1],
      capacity: [1, 1],
      arcs: [
        { requester: 0, partner: 0, weight: 0.9 },
        { requester: 0, partner: 1, weight: 0.5 },
        { requester: 1, partner: 0, weight: 0.6 },
      ],
    };
    const chosen = solveAssignment(problem);
    expect(chosen).toEqual([[1], [2]]);
    expect(valueOf(problem, chosen)).toEqual(bruteForce(problem));
  });

  it('prefers the higher total score when the number of pairs is the same', () => {
    const problem: AssignmentProblem = {
      wants: [1, 1],
      capacity: [1, 1],
      arcs: [
        { requester: 0, partner: 0, weight: 0.9 },
        { requester: 0, partner: 1, weight: 0.8 },
        { requester: 1, partner: 0, weight: 0.7 },
        { requester: 1, partner: 1, weight: 0.1 },
      ],
    };
    // 0→1 + 1→0 = 1.5 beats 0→0 + 1→1 = 1.0.
    expect(solveAssignment(problem)).toEqual([[1], [2]]);
  });

  it('matches brute force on random small problems', () => {
    const problemArb = fc
      .record({ requesters: fc.integer({ min: 1, max: 4 }), partners: fc.integer({ min: 1, max: 4 }) })
      .chain(({ requesters, partners }) =>
        fc.record({
          wants: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: requesters, maxLength: requesters }),
          capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: partners, maxLength: partners }),
          arcs: fc.uniqueArray(
            fc.record({
              requester: fc.integer({ min: 0, max: requesters - 1 }),
              partner: fc.integer({ min: 0, max: partners - 1 }),
              weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
            }),
            { maxLength: 12, selector: (a: AssignmentArc) => `${a.requester}-${a.partner}` },
          ),
        }),
      );
    fc.assert(
      fc.property(problemArb, (problem) => {
        const chosen = solveAssignment(problem);
        expect(respectsLimits(problem, chosen)).toBe(true);
        const got = valueOf(problem, chosen);
        const best = bruteForce(problem);
        expect(got.count).toBe(best.count);
        expect(got.weight).toBeCloseTo(best.weight, 9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('allocateFairly', () => {
  function popularSupplierEvent() {
    // Twelve Pakistani pack makers all want cells; one Chinese cell maker is the best match for
    // all of them, three others are good too.
    const star = buildOrganisation({ country: 'CN', stages: ['cells'], hsCodes: ['850760'], offers: ['LFP cells', 'sodium-ion cells', 'cell technology'] });
    const others = [1, 2, 3].map(() => buildOrganisation({ country: 'CN', stages: ['cells'], hsCodes: ['850760'], offers: ['LFP cells'] }));
    const packMakers = Array.from({ length: 12 }, () =>
      buildOrganisation({ country: 'PK', stages: ['packs'], offers: ['battery packs'], requests: ['LFP cells', 'sodium-ion cells', 'cell technology'], requestHsCodes: ['850760'] }),
    );
    return { star, others, packMakers, all: [star, ...others, ...packMakers] };
  }

  it('never suggests an organisation more often than its capacity times the factor', () => {
    const e = popularSupplierEvent();
    const index = buildMatchIndex(e.all);
    const allocation = allocateFairly(index, { k: 2, meetingCapacity: 3, exposureFactor: 1.5 });
    for (const [id, n] of allocation.exposure) expect(n).toBeLessThanOrEqual(allocation.exposureCap.get(id) ?? 0);
    expect(allocation.exposureCap.get(e.star.id)).toBe(4);
    expect(allocation.exposure.get(e.star.id)).toBe(4);
  });

  it('still gives everyone k suggestions when capacity allows, and fewer exposures to the favourite', () => {
    const e = popularSupplierEvent();
    const index = buildMatchIndex(e.all);
    const capped = allocateFairly(index, { k: 2, meetingCapacity: 6, exposureFactor: 1 });
    const uncapped = allocateFairly(index, { k: 2, meetingCapacity: 100, exposureFactor: 1 });
    expect(uncapped.exposure.get(e.star.id)).toBe(12);
    expect(capped.exposure.get(e.star.id)).toBe(6);
    for (const p of e.packMakers) expect(capped.suggestions.get(p.id)).toHaveLength(2);
    expect(capped.exposureGini).toBeLessThan(uncapped.exposureGini);
  });

  it('reports coverage as the share with k suggestions', () => {
    const e = popularSupplierEvent();
    const index = buildMatchIndex(e.all);
    // Four cell makers with capacity 2 can serve 8 suggestions; 12 pack makers want one each.
    const allocation = allocateFairly(index, { k: 1, meetingCapacity: 2, exposureFactor: 1 });
    const served = e.packMakers.filter((p) => (allocation.suggestions.get(p.id)?.length ?? 0) >= 1).length;
    expect(served).toBe(8);
    const cellMakersServed = [e.star, ...e.others].filter((o) => (allocation.suggestions.get(o.id)?.length ?? 0) >= 1).length;
    expect(allocation.coverage).toBeCloseTo((served + cellMakersServed) / e.all.length, 12);
  });

  it('attaches reasons when asked', () => {
    const e = popularSupplierEvent();
    const allocation = allocateFairly(buildMatchIndex(e.all), { k: 1, withReasons: true });
    const first = allocation.suggestions.get(e.packMakers[0]!.id)?.[0];
    expect(first?.reasons?.length).toBeGreaterThan(0);
  });
});
