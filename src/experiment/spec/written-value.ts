import { isPlainMap } from './scenario-assignments.js';

/**
 * A value as the user wrote it, as one line of text: scalars as YAML shows them
 * (`100`, `2ms`, `ipvs`, `true`), maps and lists in YAML flow style
 * (`{ dist: lognormal, median: 2ms, p99: 20ms }`). Numbers use JavaScript's shortest
 * round-trip form, with no locale, so CSV cells are the same on every machine.
 */
export function formatWritten(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return `[${value.map(formatWritten).join(', ')}]`;
  if (isPlainMap(value)) {
    const fields = Object.entries(value).map(([key, field]) => `${key}: ${formatWritten(field)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return String(value);
}

/** Shortest round-trip text of a number; `-0` as `0` so equal results print alike. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** `12000` as `12,000`, for messages (fixed grouping, not the locale's). */
export function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
