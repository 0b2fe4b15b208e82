import type { Connection } from './connection.js';

/**
 * Every idle connection of the run, oldest first: a doubly linked list threaded through the
 * connections themselves (O(1) append and removal, no allocation). The idle timeout is the
 * same for all, so the oldest idle connection is always the next to expire, and one timer for
 * the list's head replaces a pending event per idle connection — with hundreds of thousands
 * of idle connections those events made the event queue, and every step through it, large.
 */
export class IdleAgeList {
  private oldestIdle: Connection | undefined;
  private newestIdle: Connection | undefined;

  get oldest(): Connection | undefined {
    return this.oldestIdle;
  }

  /** Adds a connection that just became idle (it is the newest). */
  append(connection: Connection): void {
    connection.olderIdle = this.newestIdle;
    connection.newerIdle = undefined;
    if (this.newestIdle === undefined) this.oldestIdle = connection;
    else this.newestIdle.newerIdle = connection;
    this.newestIdle = connection;
  }

  /** Takes a connection out (reused or closed). */
  remove(connection: Connection): void {
    const { olderIdle, newerIdle } = connection;
    if (olderIdle === undefined) this.oldestIdle = newerIdle;
    else olderIdle.newerIdle = newerIdle;
    if (newerIdle === undefined) this.newestIdle = olderIdle;
    else newerIdle.olderIdle = olderIdle;
    connection.olderIdle = undefined;
    connection.newerIdle = undefined;
  }
}
