import { describe, expect, it } from 'vitest';
import { ProofLedger } from '../../../src/domain/scheduling/proof-ledger';
import type { Costs } from '../../../src/domain/scheduling/schedule-state';

const costs = (unscheduledWeight: number, breaks: number): Costs => ({ unscheduledWeight, unfairness: 0, breaks, moved: 0 });

describe('proof ledger: break bounds raised by proofs from below', () => {
  const ledger = (): ProofLedger =>
    new ProofLedger(['weight', 'breaks', 'moved'], { weight: 10, breaksIfAllHeld: 1, moved: 0, totalWeight: 10, replanning: false });

  it('proves a schedule optimal once no schedule of its weight can have fewer breaks', () => {
    const proofs = ledger();
    const best = costs(0, 3);
    expect(proofs.allProven(best)).toBe(false);
    expect(proofs.breaksBound(best)).toBe(1);
    proofs.raiseBreaksBound(best, 2); // "breaks ≤ 1?" answered no
    expect(proofs.breaksBound(best)).toBe(2);
    expect(proofs.allProven(best)).toBe(false);
    proofs.raiseBreaksBound(best, 3);
    expect(proofs.breaksBound(best)).toBe(3);
    expect(proofs.allProven(best)).toBe(true);
  });

  it('applies a raised bound only to schedules holding at least the weight the proof assumed', () => {
    const proofs = ledger();
    proofs.raiseBreaksBound(costs(2, 5), 4);
    // A heavier schedule (less weight left out) is covered by "weight ≥ W and breaks ≤ 3: none".
    expect(proofs.breaksBound(costs(0, 6))).toBe(4);
    expect(proofs.breaksBound(costs(2, 6))).toBe(4);
    // A lighter one is not: dropping meetings can remove breaks.
    expect(proofs.breaksBound(costs(3, 6))).toBe(0);
    expect(proofs.isProven('breaks', costs(3, 4))).toBe(false);
  });
});
