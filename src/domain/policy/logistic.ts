/**
 * The logistic S-curve s(t) = L / (1 + e^(−k (t − t0))): L the saturation (ceiling), k the growth
 * rate per year, t0 the midpoint year where s = L / 2. New technologies' share of sales follows
 * this shape: slow start, fast middle, slow approach to the ceiling.
 */

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

export interface LogisticCurve {
  readonly saturation: number;
  readonly growthRate: number;
  readonly midpoint: number;
}

export interface LogisticFit extends LogisticCurve {
  /** Root mean square error of the curve against the points, in the points' unit. */
  readonly rmse: number;
  readonly pointCount: number;
  /** False when the saturation was given rather than fitted. */
  readonly saturationFitted: boolean;
}

export function logisticValue(curve: LogisticCurve, year: number): number {
  return curve.saturation / (1 + Math.exp(-curve.growthRate * (year - curve.midpoint)));
}

/** ln(s / (L − s)): the logistic turns into the straight line k (t − t0) under this transform. */
export function logit(value: number, saturation: number): number {
  return Math.log(value / (saturation - value));
}

/** The curve with the given growth rate and ceiling that passes through one known point. */
export function logisticThrough(
  point: YearValue,
  growthRate: number,
  saturation: number,
): LogisticCurve {
  assertInside(point, saturation);
  if (!Number.isFinite(growthRate) || growthRate === 0) {
    throw new RangeError(`growth rate must be a non-zero number, got ${growthRate}`);
  }
  return { saturation, growthRate, midpoint: point.year - logit(point.value, saturation) / growthRate };
}

/**
 * Fits a logistic to the points. With `saturation` given, two points of different years are
 * enough: the logit of each point is a straight line in time, fitted by least squares. Without
 * it, at least three years are needed and the ceiling is searched between the largest point and
 * `maxSaturation` (default 100 × the largest point) for the smallest squared error.
 */
export function fitLogistic(
  points: readonly YearValue[],
  options: { saturation?: number; maxSaturation?: number } = {},
): LogisticFit {
  const years = new Set(points.map((p) => p.year));
  for (const p of points) {
    if (!Number.isFinite(p.year) || !Number.isFinite(p.value) || p.value <= 0) {
      throw new RangeError(`point ${p.year}: ${p.value} must be a positive number`);
    }
  }
  const largest = Math.max(...points.map((p) => p.value));
  if (options.saturation !== undefined) {
    if (years.size < 2) throw new RangeError('a logistic with a given ceiling needs points in at least 2 years');
    for (const p of points) assertInside(p, options.saturation);
    return { ...fitWithSaturation(points, options.saturation), pointCount: points.length, saturationFitted: false };
  }
  if (years.size < 3) throw new RangeError('a logistic with a fitted ceiling needs points in at least 3 years');
  const upper = options.maxSaturation ?? largest * 100;
  if (!(upper > largest)) throw new RangeError(`maxSaturation ${upper} must exceed the largest point ${largest}`);
  const best = searchSaturation(points, largest, upper);
  return { ...best, pointCount: points.length, saturationFitted: true };
}

/**
 * The share a segment sells at in the base year, given the stock it has built. If sales grew at
 * rate k every year until now, the stock is the sum of a geometric series of past sales:
 * S = M s0 (1 + e^−k + e^−2k + …) = M s0 / (1 − e^−k), so s0 = (1 − e^−k) S / M.
 */
export function baseShareFromStock(stock: number, annualMarket: number, growthRate: number): number {
  if (!(annualMarket > 0)) throw new RangeError(`annual market must be positive, got ${annualMarket}`);
  if (!(growthRate > 0)) throw new RangeError(`growth rate must be positive, got ${growthRate}`);
  return ((1 - Math.exp(-growthRate)) * stock) / annualMarket;
}

function assertInside(point: YearValue, saturation: number): void {
  if (!(point.value > 0 && point.value < saturation)) {
    throw new RangeError(
      `point ${point.year}: ${point.value} must lie strictly between 0 and the ceiling ${saturation}`,
    );
  }
}

function fitWithSaturation(points: readonly YearValue[], saturation: number): LogisticCurve & { rmse: number } {
  const xs = points.map((p) => p.year);
  const ys = points.map((p) => logit(p.value, saturation));
  const meanX = mean(xs);
  const meanY = mean(ys);
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - meanX) * ((ys[i] ?? 0) - meanY);
    sxx += (x - meanX) ** 2;
  });
  const growthRate = sxy / sxx;
  // A flat logit line has no midpoint; the curve then sits at its mean level for ever.
  const midpoint = growthRate === 0 ? Number.POSITIVE_INFINITY : meanX - meanY / growthRate;
  const curve = { saturation, growthRate, midpoint };
  const squared = points.map((p) => (logisticValue(curve, p.year) - p.value) ** 2);
  return { ...curve, rmse: Math.sqrt(mean(squared)) };
}

function searchSaturation(
  points: readonly YearValue[],
  largest: number,
  upper: number,
): LogisticCurve & { rmse: number } {
  // The ceiling must sit above every point; a coarse geometric scan finds the basin, then a
  // golden-section search narrows it until the ceiling is known to 1e-12 of its size.
  const lower = largest * (1 + 1e-9);
  const steps = 400;
  const ratio = (upper / lower) ** (1 / steps);
  const candidates = Array.from({ length: steps + 1 }, (_, i) => lower * ratio ** i);
  const errors = candidates.map((l) => fitWithSaturation(points, l).rmse);
  let bestIndex = 0;
  errors.forEach((e, i) => {
    if (e < (errors[bestIndex] ?? Number.POSITIVE_INFINITY)) bestIndex = i;
  });
  let a = candidates[Math.max(0, bestIndex - 1)] ?? lower;
  let b = candidates[Math.min(steps, bestIndex + 1)] ?? upper;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200 && b - a > 1e-12 * b; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (fitWithSaturation(points, c).rmse <= fitWithSaturation(points, d).rmse) b = d;
    else a = c;
  }
  return fitWithSaturation(points, (a + b) / 2);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
