import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseShareFromStock,
  fitLogistic,
  logisticThrough,
  logisticValue,
} from '../../../src/domain/policy/logistic';

describe('fitLogistic', () => {
  it('recovers the curve through three evenly spaced points with the ceiling unknown', () => {
    // L = 100, k = ln 3, t0 = 2: at t = 1, 100 / (1 + 3) = 25; t = 2, 50; t = 3, 100 / (1 + 1/3) = 75.
    // Closed form for evenly spaced points: L = (y2²(y1 + y3) − 2 y1 y2 y3) / (y2² − y1 y3)
    // = (2500 × 100 − 2 × 25 × 50 × 75) / (2500 − 1875) = 62,500 / 625 = 100.
    const fit = fitLogistic([
      { year: 1, value: 25 },
      { year: 2, value: 50 },
      { year: 3, value: 75 },
    ]);
    expect(fit.saturation).toBeCloseTo(100, 6);
    expect(fit.growthRate).toBeCloseTo(Math.log(3), 6);
    expect(fit.midpoint).toBeCloseTo(2, 6);
    expect(fit.saturationFitted).toBe(true);
    expect(fit.rmse).toBeLessThan(1e-6);
  });

  it('recovers growth and midpoint from two points when the ceiling is given', () => {
    // L = 100: logit(10) = ln(10/90) = −ln 9, logit(50) = 0, so k = ln 9 and t0 = 1.
    const fit = fitLogistic(
      [
        { year: 0, value: 10 },
        { year: 1, value: 50 },
      ],
      { saturation: 100 },
    );
    expect(fit.growthRate).toBeCloseTo(Math.log(9), 12);
    expect(fit.midpoint).toBeCloseTo(1, 12);
    expect(fit.saturationFitted).toBe(false);
  });

  it('recovers a sales-share curve from nine yearly points', () => {
    const truth = { saturation: 0.8, growthRate: 0.5, midpoint: 2030 };
    const points = Array.from({ length: 9 }, (_, i) => ({ year: 2020 + i, value: logisticValue(truth, 2020 + i) }));
    const fit = fitLogistic(points, { maxSaturation: 1 });
    expect(fit.saturation).toBeCloseTo(0.8, 6);
    expect(fit.growthRate).toBeCloseTo(0.5, 5);
    expect(fit.midpoint).toBeCloseTo(2030, 4);
  });

  it('recovers any curve exactly when its ceiling is known', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 1.5, noNaN: true }),
        fc.integer({ min: 2022, max: 2040 }),
        (saturation, growthRate, midpoint) => {
          const truth = { saturation, growthRate, midpoint };
          const points = [2018, 2020, 2023].map((year) => ({ year, value: logisticValue(truth, year) }));
          const fit = fitLogistic(points, { saturation });
          expect(fit.growthRate).toBeCloseTo(growthRate, 6);
          expect(fit.midpoint).toBeCloseTo(midpoint, 4);
        },
      ),
    );
  });

  it('fits a least-squares line through noisy logits', () => {
    // L = 1 and logits −2, −1, −1, 0 at years 0..3: slope = Σ(x − 1.5)(y + 1) / Σ(x − 1.5)² = 3 / 5.
    const points = [-2, -1, -1, 0].map((z, year) => ({ year, value: 1 / (1 + Math.exp(-z)) }));
    const fit = fitLogistic(points, { saturation: 1 });
    expect(fit.growthRate).toBeCloseTo(0.6, 12);
    // Mean logit −1 at mean year 1.5: t0 = 1.5 + 1 / 0.6.
    expect(fit.midpoint).toBeCloseTo(1.5 + 1 / 0.6, 12);
  });

  it('refuses too few points and points outside the ceiling', () => {
    expect(() => fitLogistic([{ year: 2025, value: 0.1 }], { saturation: 0.9 })).toThrow(/at least 2 years/);
    expect(() =>
      fitLogistic([
        { year: 2024, value: 0.1 },
        { year: 2025, value: 0.2 },
      ]),
    ).toThrow(/at least 3 years/);
    expect(() =>
      fitLogistic(
        [
          { year: 2024, value: 0.1 },
          { year: 2025, value: 0.95 },
        ],
        { saturation: 0.9 },
      ),
    ).toThrow(/strictly between 0 and the ceiling 0.9/);
    expect(() => fitLogistic([{ year: 2024, value: 0 }], { saturation: 0.9 })).toThrow(/positive/);
  });
});

describe('logisticThrough', () => {
  it('puts the midpoint where the point is half the ceiling', () => {
    const curve = logisticThrough({ year: 2025, value: 0.45 }, 0.5, 0.9);
    expect(curve.midpoint).toBeCloseTo(2025, 12);
  });

  it('passes through the point it was given', () => {
    // s = 0.1, L = 0.9: logit = ln(0.1 / 0.8) = −ln 8, so t0 = 2025 + ln 8 / 0.5.
    const curve = logisticThrough({ year: 2025, value: 0.1 }, 0.5, 0.9);
    expect(curve.midpoint).toBeCloseTo(2025 + Math.log(8) / 0.5, 12);
    expect(logisticValue(curve, 2025)).toBeCloseTo(0.1, 12);
  });
});

describe('baseShareFromStock', () => {
  it('inverts the geometric sum of past sales', () => {
    // k = ln 2: past sales halve each year back, so stock = 2 × this year's sales.
    // 70,000 on the road and 1,400,000 sold a year: this year's share = 35,000 / 1,400,000 = 2.5%.
    expect(baseShareFromStock(70_000, 1_400_000, Math.log(2))).toBeCloseTo(0.025, 12);
  });
});
