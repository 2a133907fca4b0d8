// Small statistics used by the agents: quantiles for uncertainty bands, robust location/scale for
// anomaly flags, least squares for trends.

/** Linear-interpolated quantile (type 7, as R and NumPy default) of an unsorted sample. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  return quantileOfSorted(sortedCopy(values), q);
}

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** quantile() of a sample already sorted by sortedCopy. */
function quantileOfSorted(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Median absolute deviation scaled by 1.4826 so that it estimates σ for normal data. */
export function scaledMad(values: readonly number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

/** P10 / P50 / P90 of a sample. */
export function band(values: readonly number[]): { p10: number; p50: number; p90: number } {
  if (values.length === 0) return { p10: Number.NaN, p50: Number.NaN, p90: Number.NaN };
  // Sorted once for the three (ensembles are 256 members, one band per level and model).
  const sorted = sortedCopy(values);
  return { p10: quantileOfSorted(sorted, 0.1), p50: quantileOfSorted(sorted, 0.5), p90: quantileOfSorted(sorted, 0.9) };
}

/** Ordinary least squares y = a + b·x. */
export function linearFit(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number } {
  const n = xs.length;
  if (n < 2) return { intercept: ys[0] ?? 0, slope: 0 };
  let sx = 0, sy = 0;
  for (let i = 0; i < n; i++) { sx += xs[i] as number; sy += ys[i] as number; }
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    sxy += dx * ((ys[i] as number) - my);
    sxx += dx * dx;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/** Theil–Sen slope: the median of pairwise slopes, robust to a few outliers in a sensor series. */
export function theilSenSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  const n = xs.length;
  // Cap the pairs considered so a 10,000-point series stays O(n·k), not O(n²).
  const stride = Math.max(1, Math.floor(n / 200));
  for (let i = 0; i < n; i += stride) {
    for (let j = i + stride; j < n; j += stride) {
      const dx = (xs[j] as number) - (xs[i] as number);
      if (dx !== 0) slopes.push(((ys[j] as number) - (ys[i] as number)) / dx);
    }
  }
  return slopes.length ? median(slopes) : 0;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** P10 / P50 / P90 of a sample, rounded for display. */
export function roundedBand(values: readonly number[], digits = 2): { p10: number; p50: number; p90: number } {
  const b = band(values);
  return { p10: round(b.p10, digits), p50: round(b.p50, digits), p90: round(b.p90, digits) };
}
