// The one output format of `npm run bench`: one line per figure, parsed by later tooling.
//   BENCH <name> <value> <unit> ratio=<r> baseline=<what>
// ratio = the figure divided by the raw baseline measured in the same run.

export type Want = (name: string) => boolean;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baselineValue: number;
  baseline: string;
}

export function formatFigure(f: Figure): string {
  const ratio = f.baselineValue > 0 ? f.value / f.baselineValue : Number.NaN;
  return `BENCH ${f.name} ${formatNumber(f.value)} ${f.unit} ratio=${ratio.toFixed(3)} baseline=${f.baseline.replace(/\s+/g, '_')}`;
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 1000) return String(Math.round(value));
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in (0, 100]). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Progress and details go to stderr so that stdout holds only BENCH lines. */
export function note(message: string): void {
  process.stderr.write(`# ${message}\n`);
}

export function fmtRange(values: readonly number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted.map((v) => v.toFixed(digits)).join(' / ')}`;
}
