/**
 * A conflict-driven clause-learning SAT solver with native "at most" linear constraints
 * (Σ wᵢ·litᵢ ≤ bound), in the MiniSat tradition: two watched literals, 1UIP learning with
 * clause minimisation, VSIDS, phase saving, Luby restarts, LBD-based clause deletion.
 * Used to prove that no schedule beats the one found (see exact-model.ts). Literals are
 * 2·var for the positive and 2·var+1 for the negative literal.
 */
import { VarHeap } from './var-heap';

export type SatOutcome = 'sat' | 'unsat' | 'unknown';

const REASON_NONE = 0;
const REASON_CLAUSE = 1;
const REASON_BINARY = 2;
const REASON_LINEAR = 3;

export class SatSolver {
  private n = 0;
  private cap = 0;
  private litVal = new Int8Array(0);
  private level = new Int32Array(0);
  private reasonKind = new Uint8Array(0);
  private reasonRef = new Int32Array(0);
  private trailPos = new Int32Array(0);
  private activity = new Float64Array(0);
  private phase = new Uint8Array(0);
  private seen = new Uint8Array(0);
  private trail = new Int32Array(0);
  private trailSize = 0;
  private readonly trailLim: number[] = [];
  private qhead = 0;
  private readonly watches: number[][] = [];
  private readonly binaries: number[][] = [];
  /** Per literal, flattened [constraint, weight] pairs, visited when the literal becomes true. */
  private readonly linearOcc: number[][] = [];
  private readonly clauses: (Int32Array | null)[] = [];
  private readonly clauseLbd: number[] = [];
  private readonly learnts: number[] = [];
  private readonly linLits: Int32Array[] = [];
  private readonly linWeights: Int32Array[] = [];
  private readonly linBound: number[] = [];
  private readonly linSum: number[] = [];
  private readonly linMaxWeight: number[] = [];
  private readonly heap = new VarHeap(16, () => this.activity);
  private varInc = 1;
  private conflictLits: number[] = [];
  private levelStamp = new Int32Array(16);
  private stampEpoch = 0;
  private ok = true;
  conflicts = 0;
  propagations = 0;
  private restartCount = 0;
  private conflictsUntilRestart = 0;
  private nextReduce = 4000;
  /** Values of the variables in the last model found (1 true, 0 false). */
  model = new Uint8Array(0);
  /** Assumptions responsible for the last "unsat" answer under assumptions. */
  core: number[] = [];

  get variableCount(): number {
    return this.n;
  }

  newVar(): number {
    const v = this.n++;
    if (this.n > this.cap) this.grow(Math.max(64, this.cap * 2));
    this.watches.push([], []);
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

  private get decisionLevel(): number {
    return this.trailLim.length;
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
    const c = this.linLits.length;
    this.linLits.push(Int32Array.from(keptLits));
    this.linWeights.push(Int32Array.from(keptWeights));
    this.linBound.push(bound);
    this.linSum.push(0);
    this.linMaxWeight.push(Math.max(...keptWeights));
    keptLits.forEach((l, i) => this.linearOcc[l]!.push(c, keptWeights[i]!));
    return true;
  }

  private attach(lits: readonly number[], learnt: boolean, lbd: number): number {
    if (lits.length === 2) {
      this.binaries[lits[0]!]!.push(lits[1]!);
      this.binaries[lits[1]!]!.push(lits[0]!);
      return -1;
    }
    const c = this.clauses.length;
    this.clauses.push(Int32Array.from(lits));
    this.clauseLbd.push(lbd);
    this.watches[lits[0]!]!.push(c);
    this.watches[lits[1]!]!.push(c);
    if (learnt) this.learnts.push(c);
    return c;
  }

  private enqueue(lit: number, kind: number, ref: number): void {
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
    }
  }

  private cancelUntil(target: number): void {
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
      }
      this.heap.insert(v);
    }
    this.trailSize = stop;
    this.qhead = Math.min(this.qhead, stop);
    this.trailLim.length = target;
  }

  /** Returns true on conflict (literals in conflictLits, all false). */
  private propagate(): boolean {
    const litVal = this.litVal;
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
          this.conflictLits = [falseLit, q];
          return true;
        }
        this.enqueue(q, REASON_BINARY, falseLit);
      }
      const ws = this.watches[falseLit]!;
      let j = 0;
      let i = 0;
      for (; i < ws.length; i++) {
        const c = ws[i]!;
        const lits = this.clauses[c];
        if (!lits) continue;
        if (lits[0] === falseLit) {
          lits[0] = lits[1]!;
          lits[1] = falseLit;
        }
        const first = lits[0]!;
        if (litVal[first] === 1) {
          ws[j++] = c;
          continue;
        }
        let moved = false;
        for (let k = 2; k < lits.length; k++) {
          const l = lits[k]!;
          if (litVal[l] !== -1) {
            lits[1] = l;
            lits[k] = falseLit;
            this.watches[l]!.push(c);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        ws[j++] = c;
        if (litVal[first] === -1) {
          for (i++; i < ws.length; i++) ws[j++] = ws[i]!;
          ws.length = j;
          this.conflictLits = Array.from(lits);
          return true;
        }
        this.enqueue(first, REASON_CLAUSE, c);
      }
      ws.length = j;
      const occ = this.linearOcc[p]!;
      for (let k = 0; k < occ.length; k += 2) {
        const c = occ[k]!;
        const slack = this.linBound[c]! - this.linSum[c]!;
        if (slack < 0) {
          this.conflictLits = this.explainLinear(c, this.trailSize, -1);
          return true;
        }
        if (slack >= this.linMaxWeight[c]!) continue;
        const lits = this.linLits[c]!;
        const weights = this.linWeights[c]!;
        for (let t = 0; t < lits.length; t++) {
          if (weights[t]! > slack && litVal[lits[t]!] === 0) this.enqueue(lits[t]! ^ 1, REASON_LINEAR, c);
        }
      }
    }
    return false;
  }

  /**
   * False literals of the clause that explains constraint c: its true literals assigned
   * before trail position `before`, as negations. `skip` is a literal to leave out.
   */
  private explainLinear(c: number, before: number, skip: number): number[] {
    const out: number[] = [];
    const lits = this.linLits[c]!;
    for (let t = 0; t < lits.length; t++) {
      const l = lits[t]!;
      if (l !== skip && this.litVal[l] === 1 && this.trailPos[l >> 1]! < before) out.push(l ^ 1);
    }
    return out;
  }

  /** The false literals that forced variable v. */
  private reasonOf(v: number): number[] {
    const kind = this.reasonKind[v]!;
    if (kind === REASON_BINARY) return [this.reasonRef[v]!];
    if (kind === REASON_LINEAR) return this.explainLinear(this.reasonRef[v]!, this.trailPos[v]!, -1);
    if (kind === REASON_CLAUSE) {
      const lits = this.clauses[this.reasonRef[v]!]!;
      const out: number[] = [];
      for (let k = 0; k < lits.length; k++) if (lits[k]! >> 1 !== v) out.push(lits[k]!);
      return out;
    }
    return [];
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
    let reason = this.conflictLits;
    for (;;) {
      for (const q of reason) {
        const v = q >> 1;
        if (seen[v] || this.level[v] === 0) continue;
        seen[v] = 1;
        marked.push(v);
        this.bump(v);
        if (this.level[v]! >= this.decisionLevel) pathCount++;
        else learnt.push(q);
      }
      while (!seen[this.trail[index]! >> 1]) index--;
      p = this.trail[index]!;
      index--;
      seen[p >> 1] = 0;
      pathCount--;
      if (pathCount <= 0) break;
      reason = this.reasonOf(p >> 1);
    }
    learnt[0] = p ^ 1;
    // Drop literals implied by the others (recursive minimisation, bounded depth).
    const kept = [learnt[0]!];
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

  /** seen: 1 = in the clause or implied by it, 2 = known not implied. */
  private redundant(v: number, marked: number[], depth: number): boolean {
    const kind = this.reasonKind[v]!;
    if (kind === REASON_NONE || depth > 30) return false;
    for (const q of this.reasonOf(v)) {
      const u = q >> 1;
      const mark = this.seen[u]!;
      if (mark === 1 || this.level[u] === 0) continue;
      if (mark === 2 || !this.redundant(u, marked, depth + 1)) {
        if (mark === 0) {
          this.seen[u] = 2;
          marked.push(u);
        }
        return false;
      }
      this.seen[u] = 1;
      marked.push(u);
    }
    return true;
  }

  private analyzeFinal(failed: number, assumptions: readonly number[]): number[] {
    const core = new Set<number>([failed]);
    if (this.decisionLevel === 0) return [...core];
    const mark = new Uint8Array(this.n);
    mark[failed >> 1] = 1;
    for (let i = this.trailSize - 1; i >= this.trailLim[0]!; i--) {
      const v = this.trail[i]! >> 1;
      if (!mark[v]) continue;
      if (this.reasonKind[v] === REASON_NONE) core.add(this.trail[i]!);
      else for (const q of this.reasonOf(v)) if (this.level[q >> 1]! > 0) mark[q >> 1] = 1;
    }
    return assumptions.filter((a) => core.has(a) || core.has(a ^ 1));
  }

  private reduceLearnts(): void {
    const locked = (c: number): boolean => {
      const lits = this.clauses[c]!;
      const v = lits[0]! >> 1;
      return this.litVal[lits[0]!] === 1 && this.reasonKind[v] === REASON_CLAUSE && this.reasonRef[v] === c;
    };
    const live = this.learnts.filter((c) => this.clauses[c]);
    live.sort((x, y) => this.clauseLbd[y]! - this.clauseLbd[x]!);
    const removeCount = live.length >> 1;
    const keep: number[] = [];
    live.forEach((c, k) => {
      if (k < removeCount && this.clauseLbd[c]! > 2 && !locked(c)) this.clauses[c] = null;
      else keep.push(c);
    });
    this.learnts.length = 0;
    this.learnts.push(...keep);
    for (const ws of this.watches) {
      let j = 0;
      for (let i = 0; i < ws.length; i++) if (this.clauses[ws[i]!]) ws[j++] = ws[i]!;
      ws.length = j;
    }
  }

  /**
   * Searches for a model under the assumptions, for at most `conflictBudget` conflicts.
   * "unsat" with a non-empty `core` means unsatisfiable under those assumptions only.
   */
  solve(assumptions: readonly number[] = [], conflictBudget = Number.POSITIVE_INFINITY): SatOutcome {
    this.core = [];
    if (!this.ok) return 'unsat';
    this.cancelUntil(0);
    if (this.propagate()) return (this.ok = false), 'unsat';
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
        this.cancelUntil(0);
        return 'unknown';
      }
      if (this.conflictsUntilRestart <= 0) {
        this.restartCount++;
        this.conflictsUntilRestart = 100 * luby(this.restartCount);
        this.cancelUntil(0);
      }
      if (this.conflicts >= this.nextReduce) {
        this.nextReduce = this.conflicts + 4000 + 300 * Math.sqrt(this.conflicts);
        this.reduceLearnts();
      }
      let next = -1;
      while (this.decisionLevel < assumptions.length) {
        const a = assumptions[this.decisionLevel]!;
        const val = this.litVal[a]!;
        if (val === 1) this.trailLim.push(this.trailSize);
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
      this.trailLim.push(this.trailSize);
      this.enqueue(next, REASON_NONE, 0);
    }
  }
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
