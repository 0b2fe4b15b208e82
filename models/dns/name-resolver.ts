import type { Request } from '../workload/request.js';

/**
 * Name resolution for a request that dials a new connection (DESIGN.md §1 step 2). The
 * resolver calls `done(request)` once the client has the Service's ClusterIP, or sets
 * `request.failure` first if resolution failed. `done` is a function the caller bound once.
 */
export interface NameResolver {
  resolve(request: Request, done: (request: Request) => void): void;
}
