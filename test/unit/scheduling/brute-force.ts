/**
 * Exhaustive search over every way to hold or skip each meeting, written independently of the
 * solver: the reference that optimality claims are checked against on tiny instances.
 */
import type { Instance } from '../../../src/domain/scheduling/instance';

export interface BruteForceOptimum {
  /** False when no schedule satisfies the hard constraints (fairness included). */
  feasible: boolean;
  weight: number;
  breaks: number;
  /** Meetings of `previous` not held in their previous slot (0 without `previous`). */
  moved: number;
}

/** Lexicographic optimum: most weight, then fewest breaks, then fewest moves from `previous`. */
export function bruteForce(
  instance: Instance,
  fairness = instance.fairness ?? 2,
  previous: ReadonlyMap<string, number> = new Map(),
): BruteForceOptimum {
  const T = instance.slots;
  const ids = instance.participants.map((p) => p.id);
  const who = new Map(ids.map((id, i) => [id, i]));
  const meetings = instance.meetings.map((m) => ({
    a: who.get(m.a)!,
    b: who.get(m.b)!,
    weight: m.weight ?? 1,
    fixed: m.fixedSlot,
    after: (m.after ?? []).map((id) => instance.meetings.findIndex((x) => x.id === id)),
    options: [] as number[],
  }));
  const morning = instance.morningSlots ?? T;
  instance.meetings.forEach((m, i) => {
    const own = meetings[i]!;
    for (let slot = 1; slot <= T; slot++) {
      if (m.session === 'morning' && slot > morning) continue;
      if (m.session === 'afternoon' && slot <= morning) continue;
      if (m.fixedSlot !== undefined && m.fixedSlot !== slot) continue;
      const away = [m.a, m.b].some((p) => instance.participants.find((x) => x.id === p)!.unavailable?.includes(slot));
      if (!away) own.options.push(slot);
    }
    if (m.fixedSlot === undefined) own.options.push(0); // 0 = not held
  });
  const slotOf = new Array<number>(meetings.length).fill(0);
  const busy = new Set<string>();
  const load = new Array<number>(T + 1).fill(0);
  let best: BruteForceOptimum = { feasible: false, weight: -1, breaks: Infinity, moved: Infinity };
  const leaf = (): void => {
    for (let i = 0; i < meetings.length; i++) {
      if (slotOf[i] === 0) continue;
      for (const j of meetings[i]!.after) if (slotOf[j] !== 0 && slotOf[j]! >= slotOf[i]!) return;
    }
    const perPerson: number[][] = ids.map(() => []);
    let weight = 0;
    meetings.forEach((m, i) => {
      if (slotOf[i] === 0) return;
      weight += m.weight;
      perPerson[m.a]!.push(slotOf[i]!);
      perPerson[m.b]!.push(slotOf[i]!);
    });
    for (let p = 0; p < ids.length; p++) {
      const limit = instance.participants[p]!.maxMeetings;
      if (limit !== undefined && perPerson[p]!.length > limit) return;
    }
    const breaks = perPerson.map((slots) => {
      slots.sort((x, y) => x - y);
      let n = 0;
      for (let k = 1; k < slots.length; k++) if (slots[k]! - slots[k - 1]! > 1) n++;
      return n;
    });
    if (breaks.length > 0 && Math.max(...breaks) - Math.min(...breaks) > fairness) return;
    const total = breaks.reduce((x, y) => x + y, 0);
    let moved = 0;
    instance.meetings.forEach((m, i) => {
      const before = previous.get(m.id);
      if (before !== undefined && before !== slotOf[i]) moved++;
    });
    const sameWeight = Math.abs(weight - best.weight) <= 1e-9;
    if (
      weight > best.weight + 1e-9 ||
      (sameWeight && total < best.breaks) ||
      (sameWeight && total === best.breaks && moved < best.moved)
    ) {
      best = { feasible: true, weight, breaks: total, moved };
    }
  };
  const visit = (i: number): void => {
    if (i === meetings.length) return leaf();
    const m = meetings[i]!;
    for (const slot of m.options) {
      if (slot !== 0) {
        if (load[slot]! >= instance.tables || busy.has(`${m.a}/${slot}`) || busy.has(`${m.b}/${slot}`)) continue;
        busy.add(`${m.a}/${slot}`);
        busy.add(`${m.b}/${slot}`);
        load[slot]!++;
      }
      slotOf[i] = slot;
      visit(i + 1);
      if (slot !== 0) {
        busy.delete(`${m.a}/${slot}`);
        busy.delete(`${m.b}/${slot}`);
        load[slot]!--;
      }
    }
    slotOf[i] = 0;
  };
  visit(0);
  return best;
}
