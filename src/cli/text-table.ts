/** A column of a plain-text table: numbers read best right-aligned. */
export interface TextColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

const GAP = '  ';

/**
 * Renders a table whose header takes two lines where that makes a column narrower: a long
 * header over short cells (`request_latency_p50_ms` over `2.8`) breaks after a `_` or `.`
 * (`request_` / `latency_p50_ms`), so more columns fit a terminal.
 */
export function renderTextTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const layout = layOut(columns, rows);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(layout.widths[i]) : cell.padEnd(layout.widths[i])))
      .join(GAP)
      .trimEnd();
  const headerLines = layout.headers.some((header) => header.length > 1) ? [0, 1] : [1];
  const header = headerLines.map((n) => line(layout.headers.map((lines) => (lines.length === 2 ? lines[n] : n === 1 ? lines[0] : ''))));
  return [...header, ...rows.map(line)].join('\n');
}

/** The width `renderTextTable` gives these columns, to decide how many fit a terminal. */
export function textTableWidth(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): number {
  const { widths } = layOut(columns, rows);
  return widths.reduce((total, width) => total + width, 0) + GAP.length * Math.max(0, columns.length - 1);
}

function layOut(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): { widths: number[]; headers: string[][] } {
  const headers = columns.map((column, i) => splitHeader(column.header, Math.max(0, ...rows.map((row) => row[i].length))));
  const widths = headers.map((lines, i) => Math.max(...lines.map((text) => text.length), ...rows.map((row) => row[i].length)));
  return { widths, headers };
}

/** A split must narrow a column by this much to be worth a second header line. */
const MIN_SPLIT_SAVING = 4;

/** One line, or two split after a `_` or `.` when that narrows the column; the narrowest split wins. */
function splitHeader(header: string, cellWidth: number): string[] {
  let best = [header];
  let bestWidth = header.length - MIN_SPLIT_SAVING + 1;
  for (let i = 1; i < header.length - 1; i++) {
    if (header[i - 1] !== '_' && header[i - 1] !== '.') continue;
    const width = Math.max(i, header.length - i, cellWidth);
    if (width < bestWidth) [best, bestWidth] = [[header.slice(0, i), header.slice(i)], width];
  }
  return best;
}

/** Cuts a cell to `width` characters with an ellipsis, so one long value cannot widen a table. */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
