import type { Connection } from '../core/connection.js';

/** Which pair of links of a connection a list threads through. */
const LINKS = {
  /** Every idle connection of the run (the idle timeout). */
  run: { older: 'olderIdle', newer: 'newerIdle' },
  /** One client pod's idle connections (MaxIdleConns). */
  client: { older: 'olderOfClient', newer: 'newerOfClient' },
} as const;

/**
 * Idle connections, oldest first: a doubly linked list threaded through the connections
 * themselves (O(1) append and removal, no allocation). The idle timeout is the same for all,
 * so the run's oldest idle connection is always the next to expire, and one timer for the
 * list's head replaces a pending event per idle connection; a client pod's own list gives its
 * longest-idle connection, which Go's Transport closes first when over MaxIdleConns.
 */
export class AgeList {
  private oldestIdle: Connection | undefined;
  private newestIdle: Connection | undefined;
  private count = 0;
  private readonly older: 'olderIdle' | 'olderOfClient';
  private readonly newer: 'newerIdle' | 'newerOfClient';

  constructor(links: keyof typeof LINKS) {
    this.older = LINKS[links].older;
    this.newer = LINKS[links].newer;
  }

  get oldest(): Connection | undefined {
    return this.oldestIdle;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a connection that just became idle (it is the newest). */
  append(connection: Connection): void {
    connection[this.older] = this.newestIdle;
    connection[this.newer] = undefined;
    if (this.newestIdle === undefined) this.oldestIdle = connection;
    else this.newestIdle[this.newer] = connection;
    this.newestIdle = connection;
    this.count++;
  }

  /** Takes a connection out (reused or closed). */
  remove(connection: Connection): void {
    const older = connection[this.older];
    const newer = connection[this.newer];
    if (older === undefined) this.oldestIdle = newer;
    else older[this.newer] = newer;
    if (newer === undefined) this.newestIdle = older;
    else newer[this.older] = older;
    connection[this.older] = undefined;
    connection[this.newer] = undefined;
    this.count--;
  }
}
