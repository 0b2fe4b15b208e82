import type { RunRecord } from '../run/experiment-runs.js';

export interface PointWarning {
  readonly point: number;
  readonly message: string;
}

/**
 * A model's warnings, once per point: every replication of a point usually says the same
 * (a station whose offered load is >= 1), and repeating it per run would bury it.
 */
export class PointWarnings {
  private readonly seen = new Set<string>();
  readonly all: PointWarning[] = [];

  /** Records the run's warnings; returns the ones not seen before for its point. */
  add(record: RunRecord): PointWarning[] {
    const fresh: PointWarning[] = [];
    for (const message of record.warnings) {
      const key = `${record.run.point}\u0000${message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      fresh.push({ point: record.run.point, message });
    }
    this.all.push(...fresh);
    return fresh;
  }

  static of(records: readonly RunRecord[]): PointWarning[] {
    const warnings = new PointWarnings();
    for (const record of records) warnings.add(record);
    return warnings.all;
  }
}

/** `warning: point 3: station ... offered load 1.2 >= 1` */
export function formatPointWarning(warning: PointWarning): string {
  return `warning: point ${warning.point}: ${warning.message}`;
}
