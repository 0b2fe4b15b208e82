import type { Request } from '../core/request.js';
import { PoolTable } from './pool-table.js';

/**
 * Requests waiting for a connection, per pool, first come first served: Go's Transport keeps
 * `idleConnWait[key]` and hands a connection put back into the pool to the longest-waiting
 * request before keeping it idle (transport.go, tryPutIdleConn). A ring threaded through the
 * requests (the head's `previousWaiting` is the tail), so waiting allocates nothing.
 */
export class WaitingRequests {
  /** Each pool's longest-waiting request (a table, not a Map keyed by client × Service: issue 14). */
  private readonly heads = new PoolTable<Request>();

  /** Adds `request` at the back of pool `poolKey`'s queue. */
  push(poolKey: number, request: Request): void {
    const head = this.heads.get(poolKey);
    if (head === undefined) {
      request.previousWaiting = request;
      request.nextWaiting = request;
      this.heads.set(poolKey, request);
      return;
    }
    const tail = head.previousWaiting as Request;
    request.previousWaiting = tail;
    request.nextWaiting = head;
    tail.nextWaiting = request;
    head.previousWaiting = request;
  }

  /** The longest-waiting request of the pool, if any. */
  first(poolKey: number): Request | undefined {
    return this.heads.get(poolKey);
  }

  /** Takes `request` out of pool `poolKey`'s queue (it got a connection, or failed). */
  remove(poolKey: number, request: Request): void {
    const next = request.nextWaiting as Request;
    if (next === request) {
      this.heads.delete(poolKey);
    } else {
      const previous = request.previousWaiting as Request;
      previous.nextWaiting = next;
      next.previousWaiting = previous;
      if (this.heads.get(poolKey) === request) this.heads.set(poolKey, next);
    }
    request.previousWaiting = undefined;
    request.nextWaiting = undefined;
  }
}
