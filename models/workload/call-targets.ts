import type { Request } from '../core/request.js';

/**
 * What a call is addressed to: a Service (and how the application wrote its name), or an
 * external name. The workload asks for one target per call; the DNS model, which knows name
 * forms, provides the chooser; without it every call names a Service by popularity.
 */
export interface CallTargets {
  /** Targets there are: Services, then external names (pool keys are client × count + target). */
  readonly count: number;
  /** Sets `request.service` or `request.external`, and `request.nameForm`. */
  choose(request: Request): void;
}

/** The target's number among all targets: a Service, or Services + an external name. */
export function targetIndex(services: number, service: number, external: number): number {
  return service >= 0 ? service : services + external;
}

declare module '../core/seams.js' {
  interface Seams {
    /** Who a call goes to (the DNS model's name forms); optional: without it, Services by popularity. */
    callTargets: CallTargets;
    /** Service popularity, for models that choose call targets. */
    popularity: import('./service-popularity.js').ServicePopularity;
  }
}
