/**
 * results/validation/values.csv: the model value of every case at full scale, as the generator
 * computed it. The page is rendered from this file and the registry, never edited by hand.
 * Numbers are written in full (JavaScript's shortest round-trip form), so reading them back
 * gives the same doubles and the same page.
 */
import type { CaseUse, Status } from './validation-case.js';

export interface CaseValue {
  readonly id: string;
  readonly use: CaseUse;
  readonly published: number;
  readonly model: number;
  readonly modelCi95?: number;
  readonly status: Status;
}

const COLUMNS = ['id', 'use', 'published', 'model', 'model_ci95', 'status'] as const;

export function valuesCsv(values: readonly CaseValue[]): string {
  const rows = values.map((value) => [value.id, value.use, String(value.published), String(value.model), value.modelCi95 === undefined ? '' : String(value.modelCi95), value.status].join(','));
  return `${[COLUMNS.join(','), ...rows].join('\n')}\n`;
}

export function parseValuesCsv(text: string): CaseValue[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  if (header !== COLUMNS.join(',')) throw new Error(`values file: expected the header ${COLUMNS.join(',')}, got ${header}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== COLUMNS.length) throw new Error(`values file, line ${i + 2}: expected ${COLUMNS.length} cells, got ${cells.length}`);
    const [id, use, published, model, modelCi95, status] = cells;
    if (use !== 'calibration' && use !== 'independent') throw new Error(`values file, line ${i + 2}: use must be calibration or independent, got ${use}`);
    if (status !== 'agrees' && status !== 'disagrees') throw new Error(`values file, line ${i + 2}: status must be agrees or disagrees, got ${status}`);
    return { id, use, published: Number(published), model: Number(model), ...(modelCi95 === '' ? {} : { modelCi95: Number(modelCi95) }), status };
  });
}
