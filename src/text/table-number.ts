/**
 * A number for a terminal table: four significant digits, no exponent for everyday sizes
 * and no locale (`1235`, `0.01235`, `12.5`). The CSV keeps the full value.
 */
export function formatTableNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 && magnitude < 1e15) return String(Math.round(value));
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
