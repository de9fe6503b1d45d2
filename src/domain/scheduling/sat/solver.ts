/**
 * A conflict-driven clause-learning SAT solver with native "at most" linear constraints
 * (Σ wᵢ·litᵢ ≤ bound), in the MiniSat tradition: two watched literals, 1UIP learning with
 * clause minimisation, VSIDS, phase saving, Luby restarts, LBD-based clause deletion.
 * Used to prove that no schedule beats the one found (see exact-model.ts). Literals are
 * 2·var for the positive and 2·var+1 for the negative literal.
 */
import { ConstraintStore, REASON_BINARY, REASON_CLAUSE, REASON_LINEAR, REASON_NONE } from './constraint-store';

export type SatOutcome = 'sat' | 'unsat' | 'unknown';

export class SatSolver extends ConstraintStore {
  /** Values of the variables in the last model found (1 true, 0 false). */
  model = new Uint8Array(0);
  /** Assumptions responsible for the last "unsat" answer under assumptions. */
  core: number[] = [];
  conflicts = 0;
  propagations = 0;
  private varInc = 1;
  /** The false literals of the last conflict. */
  private readonly conflict = new LiteralBuffer();
  private levelStamp = new Int32Array(16);
  private stampEpoch = 0;
  private restartCount = 0;
  private conflictsUntilRestart = 0;
  private nextReduce = 2000;
  private reductions = 0;
  /**
   * Assumptions of a search that ran out of budget, left where it stopped so that the next call
   * with the same assumptions goes on rather than restarting: a proof stepped in budgets of a
   * few hundred conflicts otherwise restarts far more often than Luby's sequence says.
   */
  private suspended: readonly number[] | undefined;

  override addClause(input: readonly number[]): boolean {
    this.suspended = undefined;
    return super.addClause(input);
  }

  override addAtMost(lits: readonly number[], weights: readonly number[] | null, bound: number): boolean {
    this.suspended = undefined;
    return super.addAtMost(lits, weights, bound);
  }

  /** Returns true on conflict (its literals in `conflict`, all false). */
  protected propagate(): boolean {
    const litVal = this.litVal;
    const arena = this.arena;
    while (this.qhead < this.trailSize) {
      const p = this.trail[this.qhead++]!;
      this.propagations++;
      const falseLit = p ^ 1;
      const bins = this.binaries[falseLit]!;
      for (let i = 0; i < bins.length; i++) {
        const q = bins[i]!;
        const val = litVal[q]!;
        if (val === 1) continue;
        if (val === -1) {
          this.conflict.size = 0;
          this.conflict.push(falseLit);
          this.conflict.push(q);
          return true;
        }
        this.enqueue(q, REASON_BINARY, falseLit);
      }
      // Watch lists hold (clause, blocker) pairs: a true blocker means the clause is satisfied.
      const ws = this.watches[falseLit]!;
      const count = this.watchCount[falseLit]!;
      let j = 0;
      let i = 0;
      for (; i < count; i += 2) {
        const c = ws[i]!;
        const blocker = ws[i + 1]!;
        if (litVal[blocker] === 1) {
          ws[j++] = c;
          ws[j++] = blocker;
          continue;
        }
        if (arena[c] === falseLit) {
          arena[c] = arena[c + 1]!;
          arena[c + 1] = falseLit;
        }
        const first = arena[c]!;
        if (first !== blocker && litVal[first] === 1) {
          ws[j++] = c;
          ws[j++] = first;
          continue;
        }
        let moved = false;
        const end = c + arena[c - 1]!;
        for (let k = c + 2; k < end; k++) {
          const l = arena[k]!;
          if (litVal[l] !== -1) {
            arena[c + 1] = l;
            arena[k] = falseLit;
            this.watch(l, c, first);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = c;
        ws[j++] = first;
        if (litVal[first] === -1) {
          for (i += 2; i < count; i++) ws[j++] = ws[i]!;
          this.watchCount[falseLit] = j;
          this.conflict.size = 0;
          for (let k = c; k < end; k++) this.conflict.push(arena[k]!);
          return true;
        }
        this.enqueue(first, REASON_CLAUSE, c);
      }
      this.watchCount[falseLit] = j;
      const occ = this.linearOcc[p]!;
      for (let k = 0; k < occ.length; k += 2) {
        const c = occ[k]!;
        const slack = this.linBound[c]! - this.linSum[c]!;
        if (slack < 0) {
          this.explainLinear(c, this.trailSize, this.conflict);
          return true;
        }
        if (slack >= this.linMaxWeight[c]!) continue;
        const lits = this.linLits[c]!;
        const weights = this.linWeights[c]!;
        for (let t = 0; t < lits.length && weights[t]! > slack; t++) {
          if (litVal[lits[t]!] === 0) this.enqueue(lits[t]! ^ 1, REASON_LINEAR, c);
        }
      }
    }
    return false;
  }

  /**
   * False literals of the clause that explains constraint c: its true literals assigned
   * before trail position `before`, as negations.
   */
  private explainLinear(c: number, before: number, out: LiteralBuffer): void {
    out.size = 0;
    const stack = this.linTrue[c]!;
    const top = this.linTop[c]!;
    for (let t = 0; t < top; t++) {
      const l = stack[t]!;
      if (this.trailPos[l >> 1]! >= before) break;
      out.push(l ^ 1);
    }
  }

  /** Reusable buffers for reasons, one per recursion depth of clause minimisation. */
  private readonly reasonBuffers: LiteralBuffer[] = Array.from({ length: 40 }, () => new LiteralBuffer());

  /** The false literals that forced variable v, written into buffer `slot`. */
  private reasonOf(v: number, slot: number): LiteralBuffer {
    const out = this.reasonBuffers[slot]!;
    out.size = 0;
    const kind = this.reasonKind[v]!;
    if (kind === REASON_BINARY) out.push(this.reasonRef[v]!);
    else if (kind === REASON_LINEAR) this.explainLinear(this.reasonRef[v]!, this.trailPos[v]!, out);
    else if (kind === REASON_CLAUSE) {
      const c = this.reasonRef[v]!;
      const end = c + this.arena[c - 1]!;
      for (let k = c; k < end; k++) if (this.arena[k]! >> 1 !== v) out.push(this.arena[k]!);
    }
    return out;
  }

  private bump(v: number): void {
    this.activity[v] = this.activity[v]! + this.varInc;
    if (this.activity[v]! > 1e100) {
      for (let k = 0; k < this.n; k++) this.activity[k]! *= 1e-100;
      this.varInc *= 1e-100;
    }
    this.heap.increased(v);
  }

  private analyze(): { learnt: number[]; back: number; lbd: number } {
    const seen = this.seen;
    const learnt: number[] = [0];
    const marked: number[] = [];
    let pathCount = 0;
    let p = -1;
    let index = this.trailSize - 1;
    // The variable whose reason is resolved next; -1 for the conflict itself.
    let resolved = -1;
    for (;;) {
      // Clause reasons are read in place, not copied: learnt clauses here often run past a
      // hundred literals.
      if (resolved >= 0 && this.reasonKind[resolved] === REASON_CLAUSE) {
        const c = this.reasonRef[resolved]!;
        const end = c + this.arena[c - 1]!;
        for (let r = c; r < end; r++) {
          const q = this.arena[r]!;
          if (q >> 1 !== resolved) pathCount += this.learnFrom(q, learnt, marked);
        }
      } else {
        const reason = resolved < 0 ? this.conflict : this.reasonOf(resolved, 0);
        for (let r = 0; r < reason.size; r++) pathCount += this.learnFrom(reason.lits[r]!, learnt, marked);
      }
      while (!seen[this.trail[index]! >> 1]) index--;
      p = this.trail[index]!;
      index--;
      seen[p >> 1] = 0;
      pathCount--;
      if (pathCount <= 0) break;
      resolved = p >> 1;
    }
    learnt[0] = p ^ 1;
    // Drop literals implied by the others (recursive minimisation, bounded depth).
    const kept = [learnt[0]!];
    let levels = 0;
    for (let k = 1; k < learnt.length; k++) levels |= 1 << (this.level[learnt[k]! >> 1]! & 31);
    this.clauseLevels = levels;
    for (let k = 1; k < learnt.length; k++) {
      if (!this.redundant(learnt[k]! >> 1, marked, 0)) kept.push(learnt[k]!);
    }
    for (const v of marked) seen[v] = 0;
    let back = 0;
    let at = 1;
    for (let k = 1; k < kept.length; k++) {
      const lv = this.level[kept[k]! >> 1]!;
      if (lv > back) {
        back = lv;
        at = k;
      }
    }
    if (kept.length > 1) [kept[1], kept[at]] = [kept[at]!, kept[1]!];
    this.stampEpoch++;
    let lbd = 0;
    if (this.levelStamp.length <= this.decisionLevel) this.levelStamp = new Int32Array(this.decisionLevel * 2 + 2);
    for (const l of kept) {
      const lv = this.level[l >> 1]!;
      if (this.levelStamp[lv] !== this.stampEpoch) {
        this.levelStamp[lv] = this.stampEpoch;
        lbd++;
      }
    }
    this.varInc /= 0.95;
    return { learnt: kept, back, lbd };
  }

  /**
   * Takes a false literal of a reason into the clause being learnt: 1 when it is of the
   * conflict's level (to be resolved away), 0 when it is kept or already seen.
   */
  private learnFrom(q: number, learnt: number[], marked: number[]): number {
    const v = q >> 1;
    if (this.seen[v] || this.level[v] === 0) return 0;
    this.seen[v] = 1;
    marked.push(v);
    this.bump(v);
    if (this.level[v]! >= this.decisionLevel) return 1;
    learnt.push(q);
    return 0;
  }

  /**
   * The learnt clause's decision levels as a 32-bit set (level mod 32): a literal of a level
   * outside it cannot be implied by the clause, since its own decision is not in it (MiniSat's
   * abstract levels): such a literal is rejected without following its reasons.
   */
  private clauseLevels = 0;

  /** seen: 1 = in the clause or implied by it, 2 = known not implied. */
  private redundant(v: number, marked: number[], depth: number): boolean {
    const kind = this.reasonKind[v]!;
    if (kind === REASON_NONE || depth > 36) return false;
    if (kind === REASON_CLAUSE) {
      const c = this.reasonRef[v]!;
      const end = c + this.arena[c - 1]!;
      for (let k = c; k < end; k++) {
        const q = this.arena[k]!;
        if (q >> 1 !== v && !this.implied(q, marked, depth)) return false;
      }
      return true;
    }
    const reason = this.reasonOf(v, depth + 1);
    for (let k = 0; k < reason.size; k++) if (!this.implied(reason.lits[k]!, marked, depth)) return false;
    return true;
  }

  /** Whether the false literal q follows from the learnt clause (remembered either way in `seen`). */
  private implied(q: number, marked: number[], depth: number): boolean {
    const u = q >> 1;
    const mark = this.seen[u]!;
    if (mark === 1 || this.level[u] === 0) return true;
    const outside = ((1 << (this.level[u]! & 31)) & this.clauseLevels) === 0;
    if (mark === 2 || outside || !this.redundant(u, marked, depth + 1)) {
      if (mark === 0) {
        this.seen[u] = 2;
        marked.push(u);
      }
      return false;
    }
    this.seen[u] = 1;
    marked.push(u);
    return true;
  }

  private analyzeFinal(failed: number, assumptions: readonly number[]): number[] {
    const core = new Set<number>([failed]);
    // Failed at the root: the assumption alone (as given, not its negation) is the core.
    if (this.decisionLevel === 0) return [failed ^ 1];
    const mark = new Uint8Array(this.n);
    mark[failed >> 1] = 1;
    for (let i = this.trailSize - 1; i >= this.trailLim[0]!; i--) {
      const v = this.trail[i]! >> 1;
      if (!mark[v]) continue;
      if (this.reasonKind[v] === REASON_NONE) core.add(this.trail[i]!);
      else {
        const reason = this.reasonOf(v, 0);
        for (let k = 0; k < reason.size; k++) {
          const q = reason.lits[k]!;
          if (this.level[q >> 1]! > 0) mark[q >> 1] = 1;
        }
      }
    }
    return assumptions.filter((a) => core.has(a) || core.has(a ^ 1));
  }

  private reduceLearnts(): void {
    const arena = this.arena;
    const locked = (c: number): boolean => {
      const v = arena[c]! >> 1;
      return this.litVal[arena[c]!] === 1 && this.reasonKind[v] === REASON_CLAUSE && this.reasonRef[v] === c;
    };
    const live = this.learnts.slice();
    live.sort((x, y) => arena[y - 2]! - arena[x - 2]!);
    const removeCount = live.length >> 1;
    const keep: number[] = [];
    live.forEach((c, k) => {
      if (k < removeCount && arena[c - 2]! > 2 && !locked(c)) {
        arena[c - 2] = -1;
        this.arenaWaste += arena[c - 1]! + 2;
      } else keep.push(c);
    });
    this.learnts.length = 0;
    this.learnts.push(...keep);
    for (let lit = 0; lit < this.watches.length; lit++) {
      const ws = this.watches[lit]!;
      const count = this.watchCount[lit]!;
      let j = 0;
      for (let i = 0; i < count; i += 2) {
        if (arena[ws[i]! - 2]! < 0) continue;
        ws[j++] = ws[i]!;
        ws[j++] = ws[i + 1]!;
      }
      this.watchCount[lit] = j;
    }
    if (2 * this.arenaWaste > this.arenaTop) this.compactClauses();
  }

  /** Closes the gaps deleted clauses left, moving every reference to a clause along. */
  private compactClauses(): void {
    const old = this.arena;
    const moved = new Int32Array(this.arenaTop + 1);
    const arena = new Int32Array(Math.max(1 << 12, 2 * (this.arenaTop - this.arenaWaste)));
    let top = 0;
    for (let at = 0; at < this.arenaTop; ) {
      const size = old[at + 1]!;
      if (old[at]! >= 0) {
        arena.set(old.subarray(at, at + size + 2), top);
        moved[at + 2] = top + 2;
        top += size + 2;
      }
      at += size + 2;
    }
    for (let lit = 0; lit < this.watches.length; lit++) {
      const ws = this.watches[lit]!;
      const count = this.watchCount[lit]!;
      for (let i = 0; i < count; i += 2) ws[i] = moved[ws[i]!]!;
    }
    for (let i = 0; i < this.trailSize; i++) {
      const v = this.trail[i]! >> 1;
      if (this.reasonKind[v] === REASON_CLAUSE) this.reasonRef[v] = moved[this.reasonRef[v]!]!;
    }
    for (let i = 0; i < this.learnts.length; i++) this.learnts[i] = moved[this.learnts[i]!]!;
    this.arena = arena;
    this.arenaTop = top;
    this.arenaWaste = 0;
  }

  /**
   * Searches for a model under the assumptions, for at most `conflictBudget` conflicts.
   * "unsat" with a non-empty `core` means unsatisfiable under those assumptions only.
   */
  solve(assumptions: readonly number[] = [], conflictBudget = Number.POSITIVE_INFINITY): SatOutcome {
    this.core = [];
    if (!this.ok) return 'unsat';
    const resume = this.suspended !== undefined && sameLiterals(this.suspended, assumptions);
    this.suspended = undefined;
    if (!resume) {
      this.cancelUntil(0);
      if (this.propagate()) return (this.ok = false), 'unsat';
    }
    const stopAt = this.conflicts + conflictBudget;
    for (;;) {
      if (this.propagate()) {
        this.conflicts++;
        this.conflictsUntilRestart--;
        if (this.decisionLevel === 0) return (this.ok = false), 'unsat';
        const { learnt, back, lbd } = this.analyze();
        this.cancelUntil(back);
        if (learnt.length === 1) {
          this.cancelUntil(0);
          this.enqueue(learnt[0]!, REASON_NONE, 0);
        } else {
          const c = this.attach(learnt, true, lbd);
          if (c < 0) this.enqueue(learnt[0]!, REASON_BINARY, learnt[1]!);
          else this.enqueue(learnt[0]!, REASON_CLAUSE, c);
        }
        continue;
      }
      if (this.conflicts >= stopAt) {
        this.suspended = assumptions.slice();
        return 'unknown';
      }
      if (this.conflictsUntilRestart <= 0) {
        this.restartCount++;
        this.conflictsUntilRestart = 100 * luby(this.restartCount);
        this.cancelUntil(0);
      }
      if (this.conflicts >= this.nextReduce) {
        // Glucose's schedule: the interval grows linearly with the number of reductions.
        this.reductions++;
        this.nextReduce = this.conflicts + 2000 + 300 * this.reductions;
        this.reduceLearnts();
      }
      let next = -1;
      while (this.decisionLevel < assumptions.length) {
        const a = assumptions[this.decisionLevel]!;
        const val = this.litVal[a]!;
        if (val === 1) this.newLevel();
        else if (val === -1) {
          this.core = this.analyzeFinal(a ^ 1, assumptions);
          this.cancelUntil(0);
          return 'unsat';
        } else {
          next = a;
          break;
        }
      }
      if (next < 0) {
        while (!this.heap.empty) {
          const v = this.heap.pop();
          if (this.litVal[2 * v] === 0) {
            next = this.phase[v] ? 2 * v : 2 * v + 1;
            break;
          }
        }
        if (next < 0) {
          this.model = new Uint8Array(this.n);
          for (let v = 0; v < this.n; v++) this.model[v] = this.litVal[2 * v] === 1 ? 1 : 0;
          this.cancelUntil(0);
          return 'sat';
        }
      }
      this.newLevel();
      this.enqueue(next, REASON_NONE, 0);
    }
  }
}

/** A reusable list of literals (a reason or a conflict), emptied without reallocating. */
class LiteralBuffer {
  lits = new Int32Array(64);
  size = 0;

  push(lit: number): void {
    if (this.size === this.lits.length) {
      const bigger = new Int32Array(this.size * 2);
      bigger.set(this.lits);
      this.lits = bigger;
    }
    this.lits[this.size++] = lit;
  }
}

function sameLiterals(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function luby(i: number): number {
  let size = 1;
  let seq = 0;
  while (size < i + 1) {
    seq++;
    size = 2 * size + 1;
  }
  let x = i;
  while (size - 1 !== x) {
    size = (size - 1) >> 1;
    seq--;
    x = x % size;
  }
  return 2 ** seq;
}
