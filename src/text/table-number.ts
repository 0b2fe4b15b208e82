/**
 * A number for a terminal table: four significant digits (or `digits`), no exponent for
 * everyday sizes and no locale (`1235`, `0.01235`, `12.5`). The CSV keeps the full value.
 */
export function formatTableNumber(value: number | undefined, digits = 4): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 10 ** digits && magnitude < 1e15) return String(Math.round(value));
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}
