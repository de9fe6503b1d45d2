import { describe, expect, it } from 'vitest';
import {
  requiredCurveForShare,
  requiredCurveForStock,
  requiredPath,
} from '../../../src/domain/policy/required-path';

describe('requiredPath', () => {
  it('doubles every year to go from 100 to 3,200 in five years', () => {
    const path = requiredPath({ year: 2030, value: 3_200 }, { year: 2025, value: 100 });
    expect(path.annualGrowth).toBeCloseTo(1, 12);
    expect(path.points.map((p) => p.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    path.points.forEach((p, i) => expect(p.value).toBeCloseTo([100, 200, 400, 800, 1_600, 3_200][i] as number, 9));
    expect(path.annualAddition).toBe(620);
  });

  it('asks 95.5% a year to take 70,000 e-motorcycles to the 2,000,000 target', () => {
    // (2,000,000 / 70,000)^(1/5) = 28.5714^0.2 = e^(3.35241 / 5) = e^0.670482 = 1.95518.
    const path = requiredPath({ year: 2030, value: 2_000_000 }, { year: 2025, value: 70_000 });
    expect(path.annualGrowth).toBeCloseTo(0.95518, 5);
  });

  it('draws a straight line from a zero base, where no growth rate helps', () => {
    const path = requiredPath({ year: 2030, value: 2_996 }, { year: 2025, value: 0 });
    expect(path.annualGrowth).toBeNull();
    expect(path.annualAddition).toBeCloseTo(599.2, 12);
    expect(path.points[1]).toEqual({ year: 2026, value: 599.2 });
  });

  it('refuses a target that is not after the base', () => {
    expect(() => requiredPath({ year: 2025, value: 10 }, { year: 2025, value: 5 })).toThrow(/after base year/);
  });
});

describe('requiredCurveForStock', () => {
  it('finds the growth rate whose one year of sales closes the gap', () => {
    // Ceiling 1, share 0.5 in 2025 (the midpoint), 1,000 sold a year. Reaching 750 more units in
    // 2026 needs a share of 0.75 = 1 / (1 + e^−k), so e^−k = 1/3 and k = ln 3.
    const result = requiredCurveForStock({
      anchor: { year: 2025, value: 0.5 },
      saturation: 1,
      stock: { year: 2025, value: 100 },
      marketIn: () => 1_000,
      target: { year: 2026, value: 850 },
    });
    expect(result?.growthRate).toBeCloseTo(Math.log(3), 9);
    expect(result?.shareInTargetYear).toBeCloseTo(0.75, 9);
  });

  it('answers zero growth when the starting share already gets there, and null when nothing can', () => {
    const base = { anchor: { year: 2025, value: 0.5 }, saturation: 1, stock: { year: 2025, value: 0 }, marketIn: () => 1_000 };
    expect(requiredCurveForStock({ ...base, target: { year: 2026, value: 400 } })).toEqual({
      growthRate: 0,
      shareInTargetYear: 0.5,
    });
    // Even at the ceiling (share 1) one year sells only 1,000.
    expect(requiredCurveForStock({ ...base, target: { year: 2026, value: 1_001 } })).toBeNull();
  });
});

describe('requiredCurveForShare', () => {
  it('gives the logit slope between the starting share and the target', () => {
    // L = 0.9: logit(0.45) = 0, logit(0.6) = ln(0.6 / 0.3) = ln 2; over two years k = ln 2 / 2.
    const result = requiredCurveForShare({ year: 2025, value: 0.45 }, { year: 2027, value: 0.6 }, 0.9);
    expect(result?.growthRate).toBeCloseTo(Math.log(2) / 2, 12);
    expect(requiredCurveForShare({ year: 2025, value: 0.45 }, { year: 2027, value: 0.95 }, 0.9)).toBeNull();
  });
});
