import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SatSolver } from '../../../src/domain/scheduling/sat/solver';

interface Formula {
  vars: number;
  clauses: number[][];
  linear: Array<{ lits: number[]; weights: number[]; bound: number }>;
}

const formula = fc.integer({ min: 3, max: 10 }).chain((vars) => {
  const lit = fc.integer({ min: 0, max: 2 * vars - 1 });
  return fc.record({
    vars: fc.constant(vars),
    clauses: fc.array(fc.array(lit, { minLength: 1, maxLength: 4 }), { maxLength: 5 * vars }),
    linear: fc.array(
      fc.record({
        lits: fc.array(lit, { minLength: 1, maxLength: 6 }),
        weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
        bound: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 3 },
    ),
  });
});

const holds = (f: Formula, value: (lit: number) => boolean): boolean =>
  f.clauses.every((c) => c.some(value)) &&
  f.linear.every((c) => c.lits.reduce((sum, l, i) => sum + (value(l) ? c.weights[i]! : 0), 0) <= c.bound);

function satisfiableByEnumeration(f: Formula): boolean {
  for (let mask = 0; mask < 1 << f.vars; mask++) {
    if (holds(f, (l) => (((mask >> (l >> 1)) & 1) === 1) !== ((l & 1) === 1))) return true;
  }
  return false;
}

function load(f: Formula): SatSolver {
  const solver = new SatSolver();
  for (let v = 0; v < f.vars; v++) solver.newVar();
  for (const c of f.clauses) solver.addClause(c);
  for (const c of f.linear) solver.addAtMost(c.lits, c.weights.slice(0, c.lits.length), c.bound);
  return solver;
}

/** More pigeons than holes, "a hole each" as clauses and "one pigeon per hole" as native at-most-one: unsatisfiable. */
function pigeonhole(pigeons: number, holes: number): SatSolver {
  const solver = new SatSolver();
  const x = (p: number, h: number): number => 2 * (p * holes + h);
  for (let i = 0; i < pigeons * holes; i++) solver.newVar();
  for (let p = 0; p < pigeons; p++) solver.addClause(Array.from({ length: holes }, (_, h) => x(p, h)));
  for (let h = 0; h < holes; h++) solver.addAtMost(Array.from({ length: pigeons }, (_, p) => x(p, h)), null, 1);
  return solver;
}

describe('SatSolver', () => {
  it('agrees with enumeration, and its models satisfy every constraint', () => {
    fc.assert(
      fc.property(formula, (f) => {
        const solver = load(f);
        const outcome = solver.solve();
        expect(outcome === 'sat').toBe(satisfiableByEnumeration(f));
        if (outcome === 'sat') expect(holds(f, (l) => (solver.model[l >> 1] === 1) !== ((l & 1) === 1))).toBe(true);
      }),
      { numRuns: 600, seed: 7 },
    );
  });

  it('refutes the pigeonhole principle (7 pigeons, 6 holes) with native at-most-one', () => {
    expect(pigeonhole(7, 6).solve()).toBe('unsat');
  });

  it('answers under assumptions with a core of the assumptions responsible', () => {
    const solver = new SatSolver();
    const [a, b, c, d] = [solver.newVar(), solver.newVar(), solver.newVar(), solver.newVar()].map((v) => 2 * v) as [number, number, number, number];
    solver.addAtMost([a, b, c], null, 1); // at most one of a, b, c
    expect(solver.solve([a, d])).toBe('sat');
    expect(solver.solve([a, d, b])).toBe('unsat');
    expect([...solver.core].sort()).toEqual([a, b].sort());
    // Still satisfiable without those assumptions: the conflict was not learnt as a fact.
    expect(solver.solve([c])).toBe('sat');
    // An assumption false at the root is a core of its own, given as assumed.
    solver.addClause([d ^ 1]);
    expect(solver.solve([d, c])).toBe('unsat');
    expect(solver.core).toEqual([d]);
  });

  it('stops when its conflict budget runs out and can resume', () => {
    const solver = pigeonhole(9, 8);
    expect(solver.solve([], 100)).toBe('unknown');
    expect(solver.conflicts).toBeGreaterThanOrEqual(100);
  });

  it('goes on where a budget stopped it: stepping in small budgets is the same search as one call', () => {
    const whole = pigeonhole(8, 7);
    expect(whole.solve()).toBe('unsat');
    const stepped = pigeonhole(8, 7);
    let outcome = stepped.solve([], 37);
    let calls = 1;
    while (outcome === 'unknown') {
      outcome = stepped.solve([], 37);
      calls++;
    }
    expect(outcome).toBe('unsat');
    expect(calls).toBeGreaterThan(3);
    expect(stepped.conflicts).toBe(whole.conflicts);
  });

  it('answers correctly when stepped, with assumptions and constraints changing between steps', () => {
    fc.assert(
      fc.property(formula, fc.array(fc.integer({ min: 0, max: 19 }), { maxLength: 3 }), (f, picked) => {
        const solver = load({ ...f, clauses: f.clauses.slice(1) });
        const assumptions = [...new Set(picked.map((l) => l % (2 * f.vars)))];
        // A few budgeted steps, then a clause added, then others under other assumptions.
        solver.solve(assumptions, 1);
        solver.solve(assumptions, 1);
        if (f.clauses[0]) solver.addClause(f.clauses[0]);
        solver.solve(assumptions.slice(1), 1);
        let outcome = solver.solve(assumptions, 1);
        while (outcome === 'unknown') outcome = solver.solve(assumptions, 1);
        const assumed = (l: number): boolean => assumptions.includes(l);
        const withAssumptions: Formula = { ...f, clauses: [...f.clauses, ...assumptions.map((l) => [l])] };
        if (assumptions.some((l) => assumed(l ^ 1))) expect(outcome).toBe('unsat');
        else expect(outcome === 'sat').toBe(satisfiableByEnumeration(withAssumptions));
        if (outcome === 'sat') expect(holds(withAssumptions, (l) => (solver.model[l >> 1] === 1) !== ((l & 1) === 1))).toBe(true);
      }),
      { numRuns: 600, seed: 11 },
    );
  });

  it('stays correct over long searches, as learnt clauses are deleted and their memory reused', () => {
    // Satisfiable by construction: random three-literal clauses, each kept only if a hidden
    // assignment satisfies it. Long enough that learnt clauses are deleted many times over.
    let seed = 99;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    let conflicts = 0;
    for (let round = 0; round < 3; round++) {
      const vars = 300;
      const hidden = Array.from({ length: vars }, () => random() < 0.5);
      const solver = new SatSolver();
      for (let v = 0; v < vars; v++) solver.newVar();
      const clauses: number[][] = [];
      while (clauses.length < vars * 4.26) {
        const clause = [0, 1, 2].map(() => 2 * Math.floor(random() * vars) + (random() < 0.5 ? 1 : 0));
        if (!clause.some((l) => hidden[l >> 1] !== ((l & 1) === 1))) continue;
        clauses.push(clause);
        solver.addClause(clause);
      }
      expect(solver.solve()).toBe('sat');
      expect(clauses.every((c) => c.some((l) => (solver.model[l >> 1] === 1) !== ((l & 1) === 1)))).toBe(true);
      conflicts += solver.conflicts;
    }
    // The premise of this test: enough conflicts for several rounds of clause deletion.
    expect(conflicts).toBeGreaterThan(10_000);
    // And a refutation that needs tens of thousands of conflicts: 9 pigeons, 8 holes.
    const refuted = pigeonhole(9, 8);
    expect(refuted.solve()).toBe('unsat');
    expect(refuted.conflicts).toBeGreaterThan(10_000);
  });
});
