/**
 * The cooling schedule around the local search. Each cycle cools from HOT to COLD over
 * `cycleMoves` moves — or over the time left, when that is shorter, as on large events — then
 * restarts from the best schedule and retries the meetings still not held. Runs in batches so
 * the caller can yield, report progress and stop between them, or give time to a proof.
 */
import type { Inserter } from './insertion';
import { compareCosts, isLargeEvent, type LocalSearch } from './local-search';
import type { Random } from './random';
import type { Costs } from './schedule-state';

/** Temperatures in breaks: a move adding one break is accepted 14% of the time when hot, 0.03% when cold (0.7% on large events). */
const HOT = 0.5;
const COLD = 0.12;
/**
 * Large events get one cycle over all their time and freeze at COLD with breaks still falling
 * short of the bound; ending warmer keeps them moving (measured: 30,000 meetings in 30 s, 94–101
 * → 79–89 breaks; 100,000 in 60 s, 2,905 → 2,633). Forum-sized events cycle many times and
 * keep COLD.
 */
const LARGE_EVENT_COLD = 0.2;
/**
 * A hot start melts the first schedule before cooling once over the whole time. Which start
 * wins depends on the event's shape, not only its size (measured, one cooling over the time
 * limit, breaks at the end): 30,000 meetings in 32 slots, 30 s: warm 64–69, hot 74–85;
 * 30,000 in 40 slots: warm 466, hot 297; 60,000 in 40 slots, 36 s: 1,230 against 773;
 * 100,000 in 40 slots, 60 s: 2,298–2,465 against 1,460. Hence both run side by side on large
 * events where a second core is free (see `secondSearchFor` in portfolio.ts).
 */
const HOT_START = 2;
const BATCH = 2000;
/** Meetings not held are retried thoroughly at most this often during a cycle. */
const INSERTION_INTERVAL_MS = 1000;

export class Annealer {
  /** Completed cycles in a row that found nothing better. */
  quietCycles = 0;
  private cycleFirst: number;
  private cycleStart: number;
  private cycleLength: number;
  private bestAtCycleStart: Costs;
  private lastInsertion: number;
  private started = false;
  private readonly cold: number;
  private readonly hot: number;
  private readonly large: boolean;

  constructor(
    private readonly search: LocalSearch,
    private readonly inserter: Inserter,
    private readonly random: Random,
    private readonly now: () => number,
    private readonly cycleMoves: number,
    start: 'warm' | 'hot' = 'warm',
  ) {
    this.hot = start === 'hot' ? HOT_START : HOT;
    // A hot start cools once over all the time it has: restarting hot from the best schedule
    // would melt it again (100,000 meetings: 1,609–1,640 breaks with a second cycle, 1,460 without).
    if (start === 'hot') this.cycleMoves = Number.POSITIVE_INFINITY;
    this.cycleFirst = search.iterations;
    this.cycleStart = now();
    this.cycleLength = this.cycleMoves;
    this.bestAtCycleStart = search.bestCosts;
    this.lastInsertion = now();
    this.large = isLargeEvent(search.state.problem);
    this.cold = this.large ? LARGE_EVENT_COLD : COLD;
  }

  /**
   * One batch of moves. `until` is when the current run of the annealing must end, `deadline`
   * when the whole search must: a large event's cycle spans the time to the deadline even when
   * the annealing runs in short turns between proof steps (cooling within each turn left the
   * demo-sized event at 10–19 breaks in 5 s instead of 6–8).
   */
  runBatch(until: number, deadline: number): void {
    const search = this.search;
    const state = search.state;
    if (!this.started) {
      // The clock of the first cycle starts with its first move, not when the annealer was made.
      this.started = true;
      this.cycleStart = this.now();
      this.cycleFirst = search.iterations;
    }
    const done = search.iterations - this.cycleFirst;
    search.temperature = this.hot * Math.pow(this.cold / this.hot, Math.min(1, done / this.cycleLength));
    search.runFor(BATCH);
    const elapsed = this.now() - this.cycleStart;
    const moved = search.iterations - this.cycleFirst;
    if (elapsed > 0) {
      const perMs = moved / elapsed;
      const horizon = this.large ? deadline : until;
      this.cycleLength = Math.min(this.cycleMoves, Math.max(moved + 1, perMs * (horizon - this.cycleStart)));
    }
    if (state.unscheduledCount > 0 && this.now() - this.lastInsertion > INSERTION_INTERVAL_MS) {
      this.insertMissing();
      this.lastInsertion = this.now();
    }
    if (moved >= this.cycleLength) this.endCycle();
  }

  insertMissing(): void {
    const state = this.search.state;
    const missing = Array.from(state.notHeld.subarray(0, Math.min(state.unscheduledCount, 2000)));
    for (const m of missing) this.inserter.insert(m, this.random);
    this.search.noteCurrent();
  }

  private endCycle(): void {
    const search = this.search;
    search.state.restore(search.bestSlots);
    if (search.state.unscheduledCount > 0) this.insertMissing();
    const improved = compareCosts(search.bestCosts, this.bestAtCycleStart, search.priority) < 0;
    this.quietCycles = improved ? 0 : this.quietCycles + 1;
    this.cycleFirst = search.iterations;
    this.cycleStart = this.now();
    this.cycleLength = this.cycleMoves;
    this.bestAtCycleStart = search.bestCosts;
  }
}
