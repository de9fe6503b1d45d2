/**
 * Variables, the assignment trail and the constraint database of the SAT solver (solver.ts
 * holds the search). Clauses of two literals live in implication lists, longer ones are
 * watched by two literals; "at most" linear constraints keep a running sum of their true
 * literals' weights.
 */
import { VarHeap } from './var-heap';

export const REASON_NONE = 0;
export const REASON_CLAUSE = 1;
export const REASON_BINARY = 2;
export const REASON_LINEAR = 3;

export abstract class ConstraintStore {
  protected n = 0;
  protected cap = 0;
  protected litVal = new Int8Array(0);
  protected level = new Int32Array(0);
  protected reasonKind = new Uint8Array(0);
  protected reasonRef = new Int32Array(0);
  protected trailPos = new Int32Array(0);
  protected activity = new Float64Array(0);
  protected phase = new Uint8Array(0);
  protected seen = new Uint8Array(0);
  protected trail = new Int32Array(0);
  protected trailSize = 0;
  /**
   * Trail position where each decision level starts, in a typed buffer with its own length:
   * backtracking shrank a JS array here, a fourteenth of the solver's time on crowded events.
   */
  protected trailLim = new Int32Array(0);
  protected levels = 0;
  protected qhead = 0;
  /**
   * Per literal, flattened (clause, blocker) pairs in a typed buffer with its own length:
   * propagation removes entries on every visit, and shrinking a JS array there cost a sixth
   * of the solver's time.
   */
  protected readonly watches: Int32Array[] = [];
  protected watchCount = new Int32Array(0);
  protected readonly binaries: number[][] = [];
  /** Per literal, flattened [constraint, weight] pairs, visited when the literal becomes true. */
  protected readonly linearOcc: number[][] = [];
  /**
   * Clauses of three or more literals, one after another: [lbd, size, literals…], a clause
   * referred to by the position of its first literal. One flat buffer rather than an array
   * per clause: propagation visits clauses all over memory, and every indirection saved there
   * counts. A deleted clause keeps its place (lbd −1) until `compactClauses`.
   */
  protected arena = new Int32Array(1 << 12);
  protected arenaTop = 0;
  protected arenaWaste = 0;
  protected readonly learnts: number[] = [];
  protected readonly linLits: Int32Array[] = [];
  protected readonly linWeights: Int32Array[] = [];
  protected readonly linBound: number[] = [];
  protected readonly linSum: number[] = [];
  protected readonly linMaxWeight: number[] = [];
  /**
   * Per constraint, its true literals in trail order: an explanation is a prefix of this
   * stack, found without scanning every literal of a constraint over hundreds of them.
   */
  protected readonly linTrue: Int32Array[] = [];
  protected readonly linTop: number[] = [];
  protected readonly heap = new VarHeap(16, () => this.activity);
  /** False once the constraints are known to be unsatisfiable. */
  protected ok = true;

  get variableCount(): number {
    return this.n;
  }

  newVar(): number {
    const v = this.n++;
    if (this.n > this.cap) this.grow(Math.max(64, this.cap * 2));
    this.watches.push(new Int32Array(4), new Int32Array(4));
    this.binaries.push([], []);
    this.linearOcc.push([], []);
    this.heap.insert(v);
    return v;
  }
  private grow(cap: number): void {
    const copy = <T extends Int8Array | Int32Array | Uint8Array | Float64Array>(a: T, size: number, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.litVal = copy(this.litVal, 2 * cap, (k) => new Int8Array(k));
    this.level = copy(this.level, cap, (k) => new Int32Array(k));
    this.reasonKind = copy(this.reasonKind, cap, (k) => new Uint8Array(k));
    this.reasonRef = copy(this.reasonRef, cap, (k) => new Int32Array(k));
    this.trailPos = copy(this.trailPos, cap, (k) => new Int32Array(k));
    this.activity = copy(this.activity, cap, (k) => new Float64Array(k));
    this.phase = copy(this.phase, cap, (k) => new Uint8Array(k));
    this.seen = copy(this.seen, cap, (k) => new Uint8Array(k));
    this.trail = copy(this.trail, cap, (k) => new Int32Array(k));
    // A level per decision plus one per assumption already true: at most two per variable.
    this.trailLim = copy(this.trailLim, 2 * cap + 1, (k) => new Int32Array(k));
    this.watchCount = copy(this.watchCount, 2 * cap, (k) => new Int32Array(k));
    this.heap.grow(cap);
    this.cap = cap;
  }
  /** Preferred first value of a variable (e.g. from a known good schedule). */
  setPhase(v: number, value: boolean): void {
    this.phase[v] = value ? 1 : 0;
  }
  value(lit: number): number {
    return this.litVal[lit]!;
  }
  /** Unit propagation; true on conflict. */
  protected abstract propagate(): boolean;

  protected newLevel(): void {
    this.trailLim[this.levels++] = this.trailSize;
  }

  protected get decisionLevel(): number {
    return this.levels;
  }
  /** Adds a clause at the root; returns false when the problem became unsatisfiable. */
  addClause(input: readonly number[]): boolean {
    if (!this.ok) return false;
    this.cancelUntil(0);
    const lits: number[] = [];
    for (const l of [...new Set(input)].sort((x, y) => x - y)) {
      const v = this.litVal[l]!;
      if (v === 1 || lits.includes(l ^ 1)) return true;
      if (v === 0) lits.push(l);
    }
    if (lits.length === 0) return (this.ok = false);
    if (lits.length === 1) {
      this.enqueue(lits[0]!, REASON_NONE, 0);
      if (this.propagate()) this.ok = false;
      return this.ok;
    }
    this.attach(lits, false, 0);
    return true;
  }
  /** Σ weights[i]·lits[i] ≤ bound with positive integer weights. */
  addAtMost(lits: readonly number[], weights: readonly number[] | null, bound: number): boolean {
    if (!this.ok) return false;
    this.cancelUntil(0);
    const merged = new Map<number, number>();
    lits.forEach((l, i) => merged.set(l, (merged.get(l) ?? 0) + (weights ? weights[i]! : 1)));
    const keptLits: number[] = [];
    const keptWeights: number[] = [];
    let fixed = 0;
    for (const [l, w] of merged) {
      const v = this.litVal[l]!;
      if (v === 1) fixed += w;
      else if (v === 0 && w > 0) {
        keptLits.push(l);
        keptWeights.push(w);
      }
    }
    bound -= fixed;
    if (bound < 0) return (this.ok = false);
    const tooHeavy = keptLits.filter((_, i) => keptWeights[i]! > bound);
    if (tooHeavy.length > 0) {
      // Units may propagate to other literals of the constraint: start again from the new root.
      for (const l of tooHeavy) if (!this.addClause([l ^ 1])) return false;
      return this.addAtMost(lits, weights, bound + fixed);
    }
    const total = keptWeights.reduce((x, y) => x + y, 0);
    if (total <= bound) return true;
    if (bound === 1 && keptLits.length <= 6 && keptWeights.every((w) => w === 1)) {
      for (let i = 0; i < keptLits.length; i++) {
        for (let j = i + 1; j < keptLits.length; j++) this.addClause([keptLits[i]! ^ 1, keptLits[j]! ^ 1]);
      }
      return this.ok;
    }
    // Heaviest first, so propagation stops at the first literal the slack still admits.
    const order = keptLits.map((_, i) => i).sort((x, y) => keptWeights[y]! - keptWeights[x]!);
    const c = this.linLits.length;
    this.linLits.push(Int32Array.from(order, (i) => keptLits[i]!));
    this.linWeights.push(Int32Array.from(order, (i) => keptWeights[i]!));
    this.linBound.push(bound);
    this.linSum.push(0);
    this.linMaxWeight.push(keptWeights[order[0]!]!);
    this.linTrue.push(new Int32Array(keptLits.length));
    this.linTop.push(0);
    keptLits.forEach((l, i) => this.linearOcc[l]!.push(c, keptWeights[i]!));
    return true;
  }
  protected attach(lits: readonly number[], learnt: boolean, lbd: number): number {
    if (lits.length === 2) {
      this.binaries[lits[0]!]!.push(lits[1]!);
      this.binaries[lits[1]!]!.push(lits[0]!);
      return -1;
    }
    const size = lits.length;
    if (this.arenaTop + size + 2 > this.arena.length) {
      const bigger = new Int32Array(Math.max(2 * this.arena.length, this.arenaTop + size + 2));
      bigger.set(this.arena.subarray(0, this.arenaTop));
      this.arena = bigger;
    }
    const c = this.arenaTop + 2;
    this.arena[c - 2] = lbd;
    this.arena[c - 1] = size;
    for (let k = 0; k < size; k++) this.arena[c + k] = lits[k]!;
    this.arenaTop = c + size;
    this.watch(lits[0]!, c, lits[1]!);
    this.watch(lits[1]!, c, lits[0]!);
    if (learnt) this.learnts.push(c);
    return c;
  }
  protected watch(lit: number, c: number, blocker: number): void {
    let ws = this.watches[lit]!;
    const n = this.watchCount[lit]!;
    if (n + 2 > ws.length) {
      const bigger = new Int32Array(ws.length * 2);
      bigger.set(ws);
      this.watches[lit] = ws = bigger;
    }
    ws[n] = c;
    ws[n + 1] = blocker;
    this.watchCount[lit] = n + 2;
  }
  protected enqueue(lit: number, kind: number, ref: number): void {
    const v = lit >> 1;
    this.litVal[lit] = 1;
    this.litVal[lit ^ 1] = -1;
    this.level[v] = this.decisionLevel;
    this.reasonKind[v] = kind;
    this.reasonRef[v] = ref;
    this.trailPos[v] = this.trailSize;
    this.trail[this.trailSize++] = lit;
    const occ = this.linearOcc[lit]!;
    for (let i = 0; i < occ.length; i += 2) {
      const c = occ[i]!;
      this.linSum[c] = this.linSum[c]! + occ[i + 1]!;
      this.linTrue[c]![this.linTop[c]!++] = lit;
    }
  }
  protected cancelUntil(target: number): void {
    if (this.decisionLevel <= target) return;
    const stop = this.trailLim[target]!;
    for (let i = this.trailSize - 1; i >= stop; i--) {
      const lit = this.trail[i]!;
      const v = lit >> 1;
      this.litVal[lit] = 0;
      this.litVal[lit ^ 1] = 0;
      this.phase[v] = (lit & 1) === 0 ? 1 : 0;
      const occ = this.linearOcc[lit]!;
      for (let k = 0; k < occ.length; k += 2) {
        const c = occ[k]!;
        this.linSum[c] = this.linSum[c]! - occ[k + 1]!;
        this.linTop[c]!--;
      }
      this.heap.insert(v);
    }
    this.trailSize = stop;
    this.qhead = Math.min(this.qhead, stop);
    this.levels = target;
  }
}
