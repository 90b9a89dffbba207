/** Small numeric helpers shared by every part of the benchmark. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank percentile (p95 = quantile(v, 0.95)); NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5 && sorted.length % 2 === 0) {
    // The usual median of an even count: the mean of the two middle values.
    const mid = sorted.length / 2;
    return (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function ratio(numerator: number | undefined, denominator: number | undefined): number | undefined {
  if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
  return numerator / denominator;
}

export function fmt(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

export function kb(bytes: number | undefined): string {
  return bytes === undefined ? '–' : (bytes / 1024).toFixed(1);
}

export function fmtRatio(value: number | undefined): string {
  return value === undefined ? '–' : `${value.toFixed(2)}×`;
}
