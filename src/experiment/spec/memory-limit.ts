import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

/** The memory runs may use, and where that figure comes from. */
export interface MemoryLimit {
  /** Memory the process and its worker threads may use together. */
  readonly bytes: number;
  /** `the cgroup limit (/sys/fs/cgroup/memory.max)` or `the machine's memory`. */
  readonly source: string;
  /** What one JavaScript heap may grow to (V8's limit; node --max-old-space-size sets it): a run must fit in one. */
  readonly heapBytes: number;
}

/** cgroup v2, then v1; v1 writes a huge number (about 2^63) for "no limit". */
const CGROUP_FILES = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes'] as const;

/**
 * The memory available to a run: the cgroup's limit where there is one (a container, a
 * Kubernetes Job's pod), else the machine's memory (os.totalmem). `read` returns a file's
 * text or undefined; tests pass their own.
 */
export function availableMemory(read: (path: string) => string | undefined = readOrUndefined): MemoryLimit {
  const machine = totalmem();
  const heapBytes = getHeapStatistics().heap_size_limit;
  for (const file of CGROUP_FILES) {
    const limit = Number(read(file)?.trim());
    if (Number.isFinite(limit) && limit > 0 && limit < machine) return { bytes: limit, source: `the cgroup limit (${file})`, heapBytes };
  }
  return { bytes: machine, source: "the machine's memory", heapBytes };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
