/**
 * Why a request failed. Each model adds the reasons it can cause to this interface, from its
 * own folder, by module augmentation:
 *
 *   declare module '../core/failure-reason.js' {
 *     interface FailureReasons { conntrack_full: true }
 *   }
 *
 * and documents them in its definition (`failureReasons`), which gives the metric
 * `failures_<reason>`. So the union stays closed and typed (a misspelt reason is a compile
 * error), and adding a model does not mean editing this file.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FailureReasons {}

export type FailureReason = keyof FailureReasons & string;

/** The metric column that counts a reason: `failures_conntrack_full`. */
export function failureMetricName(reason: string): string {
  return `failures_${reason}`;
}
