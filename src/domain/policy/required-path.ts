import { logisticThrough, logisticValue, logit, type YearValue } from './logistic';

/**
 * What a target asks for. The NEV Policy publishes only end-of-period targets, no year-by-year
 * path [4], so the tracker draws the simplest path that meets them: the same growth every year.
 */
export interface RequiredPath {
  readonly base: YearValue;
  readonly target: YearValue;
  /** One value per year from the base year to the target year. */
  readonly points: readonly YearValue[];
  /** Growth per year (0.5 = +50%); null when the base is zero and no rate can reach the target. */
  readonly annualGrowth: number | null;
  /** The average amount to add each year. */
  readonly annualAddition: number;
}

/**
 * Constant-growth path from base to target; from a zero base, where no growth rate helps, a
 * straight line instead.
 */
export function requiredPath(target: YearValue, base: YearValue): RequiredPath {
  const years = target.year - base.year;
  if (!Number.isInteger(years) || years <= 0) {
    throw new RangeError(`target year ${target.year} must be a whole number of years after base year ${base.year}`);
  }
  if (base.value < 0 || target.value < 0) throw new RangeError('base and target must not be negative');
  const annualAddition = (target.value - base.value) / years;
  if (base.value === 0) {
    const points = stepYears(base.year, years, (i) => base.value + annualAddition * i);
    return { base, target, points, annualGrowth: null, annualAddition };
  }
  const annualGrowth = (target.value / base.value) ** (1 / years) - 1;
  const points = stepYears(base.year, years, (i) => base.value * (1 + annualGrowth) ** i);
  return { base, target, points, annualGrowth, annualAddition };
}

/** What a cumulative target asks of the sales-share S-curve. */
export interface RequiredCurve {
  /** The logistic growth rate per year that reaches the target. */
  readonly growthRate: number;
  /** The electric share of new sales that curve reaches in the target year. */
  readonly shareInTargetYear: number;
}

/**
 * The S-curve growth rate a stock target requires. The curve keeps the segment's observed
 * starting point and ceiling; only its steepness changes. Stock in the target year is the known
 * stock plus every later year's share × market. Returns null when even a curve that jumps straight
 * to the ceiling falls short, and growth 0 when the starting share already suffices.
 */
export function requiredCurveForStock(args: {
  readonly anchor: YearValue;
  readonly saturation: number;
  readonly stock: YearValue;
  readonly marketIn: (year: number) => number;
  readonly target: YearValue;
}): RequiredCurve | null {
  const { anchor, saturation, stock, marketIn, target } = args;
  const stockWith = (growthRate: number): number => {
    const curve = logisticThrough(anchor, growthRate, saturation);
    let total = stock.value;
    for (let year = stock.year + 1; year <= target.year; year++) total += logisticValue(curve, year) * marketIn(year);
    return total;
  };
  const shareWith = (growthRate: number): number =>
    logisticValue(logisticThrough(anchor, growthRate, saturation), target.year);
  const slowest = 1e-9;
  if (stockWith(slowest) >= target.value) return { growthRate: 0, shareInTargetYear: anchor.value };
  let high = 50;
  if (stockWith(high) < target.value) return null;
  let low = slowest;
  // Stock grows with the rate for every year after the anchor, so halving the bracket converges.
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (stockWith(mid) < target.value) low = mid;
    else high = mid;
  }
  const growthRate = (low + high) / 2;
  return { growthRate, shareInTargetYear: shareWith(growthRate) };
}

/** The S-curve growth rate that takes a sales share from its starting point to a target share. */
export function requiredCurveForShare(anchor: YearValue, target: YearValue, saturation: number): RequiredCurve | null {
  if (!(target.value < saturation) || target.year <= anchor.year) return null;
  const growthRate = (logit(target.value, saturation) - logit(anchor.value, saturation)) / (target.year - anchor.year);
  return { growthRate, shareInTargetYear: target.value };
}

function stepYears(fromYear: number, years: number, valueAt: (i: number) => number): YearValue[] {
  return Array.from({ length: years + 1 }, (_, i) => ({ year: fromYear + i, value: valueAt(i) }));
}
