import type { Connection } from '../core/connection.js';
import type { FailureReason } from '../core/failure-reason.js';

/** Called once a dial's name is resolved; bound once by the caller, so nothing is allocated per lookup. */
export type ResolvedHandler = (connection: Connection) => void;
/** Called instead when the lookup failed, with why. */
export type ResolveFailedHandler = (connection: Connection, reason: FailureReason) => void;

/**
 * Name resolution for a connection being dialled (docs/design.md, The path of a request, step
 * 2): the resolver calls exactly one of the handlers, once, when the client has the Service's
 * address or has given up.
 */
export interface NameResolver {
  resolve(connection: Connection, resolved: ResolvedHandler, failed: ResolveFailedHandler): void;
}
