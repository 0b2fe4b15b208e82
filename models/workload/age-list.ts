import type { Connection } from '../core/connection.js';

/**
 * The run's idle connections, oldest first: a doubly linked list threaded through the
 * connections themselves (`olderIdle`, `newerIdle`; O(1) append and removal, no allocation).
 * The idle timeout is the same for all, so the run's oldest idle connection is always the next
 * to expire, and one timer for the list's head replaces a pending event per idle connection.
 * The links are named fields, not a key chosen per list: the list is on the hot path of every
 * pooled request (issue 14: computed keys there cost a tenth of a user-scale run).
 */
export class AgeList {
  private oldestIdle: Connection | undefined;
  private newestIdle: Connection | undefined;
  private count = 0;

  get oldest(): Connection | undefined {
    return this.oldestIdle;
  }

  get length(): number {
    return this.count;
  }

  /** Adds a connection that just became idle (it is the newest). */
  append(connection: Connection): void {
    connection.olderIdle = this.newestIdle;
    connection.newerIdle = undefined;
    if (this.newestIdle === undefined) this.oldestIdle = connection;
    else this.newestIdle.newerIdle = connection;
    this.newestIdle = connection;
    this.count++;
  }

  /** Takes a connection out (reused or closed). */
  remove(connection: Connection): void {
    const older = connection.olderIdle;
    const newer = connection.newerIdle;
    if (older === undefined) this.oldestIdle = newer;
    else older.newerIdle = newer;
    if (newer === undefined) this.newestIdle = older;
    else newer.olderIdle = older;
    connection.olderIdle = undefined;
    connection.newerIdle = undefined;
    this.count--;
  }
}

/**
 * Every client pod's idle connections, oldest first (Go's Transport closes a pod's longest-idle
 * one first when over MaxIdleConns): a list per client threaded through the connections
 * (`olderOfClient`, `newerOfClient`), its ends and length in arrays indexed by client pod, so
 * there is no object and no map entry per client pod.
 */
export class ClientAgeLists {
  private readonly oldestOf: (Connection | undefined)[] = [];
  private readonly newestOf: (Connection | undefined)[] = [];
  private counts = new Int32Array(0);

  /** The client pod's longest-idle connection. */
  oldest(client: number): Connection | undefined {
    return this.oldestOf[client];
  }

  /** Idle connections of the client pod. */
  length(client: number): number {
    return client < this.counts.length ? this.counts[client] : 0;
  }

  /** Adds a connection of `connection.client` that just became idle (the client's newest). */
  append(connection: Connection): void {
    const client = connection.client;
    if (client >= this.counts.length) this.grow(client);
    const newest = this.newestOf[client];
    connection.olderOfClient = newest;
    connection.newerOfClient = undefined;
    if (newest === undefined) this.oldestOf[client] = connection;
    else newest.newerOfClient = connection;
    this.newestOf[client] = connection;
    this.counts[client]++;
  }

  /** Takes a connection out of its client's list (reused or closed). */
  remove(connection: Connection): void {
    const client = connection.client;
    const older = connection.olderOfClient;
    const newer = connection.newerOfClient;
    if (older === undefined) this.oldestOf[client] = newer;
    else older.newerOfClient = newer;
    if (newer === undefined) this.newestOf[client] = older;
    else newer.olderOfClient = older;
    connection.olderOfClient = undefined;
    connection.newerOfClient = undefined;
    this.counts[client]--;
  }

  /** Makes room for client pods up to `client` (doubling; new ones have no idle connection). */
  private grow(client: number): void {
    const counts = new Int32Array(Math.max(client + 1, 2 * this.counts.length, 64));
    counts.set(this.counts);
    for (let c = this.counts.length; c < counts.length; c++) {
      this.oldestOf.push(undefined);
      this.newestOf.push(undefined);
    }
    this.counts = counts;
  }
}
