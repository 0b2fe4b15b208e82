import { totalmem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { availableMemory } from './memory-limit.js';

const files = (contents: Readonly<Record<string, string>>) => (path: string): string | undefined => contents[path];

describe('availableMemory', () => {
  it("takes the cgroup v2 limit where there is one, as in a Job's pod", () => {
    const limit = availableMemory(files({ '/sys/fs/cgroup/memory.max': '2147483648\n' }));
    expect(limit).toMatchObject({ bytes: 2 ** 31, source: 'the cgroup limit (/sys/fs/cgroup/memory.max)' });
  });

  it('takes the cgroup v1 limit, and ignores its "no limit" figure', () => {
    expect(availableMemory(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '1073741824' })).bytes).toBe(2 ** 30);
    const unlimited = availableMemory(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712' }));
    expect(unlimited).toMatchObject({ bytes: totalmem(), source: "the machine's memory" });
  });

  it("falls back to the machine's memory without a cgroup limit (max) or a cgroup", () => {
    expect(availableMemory(files({ '/sys/fs/cgroup/memory.max': 'max\n' })).bytes).toBe(totalmem());
    expect(availableMemory(files({})).bytes).toBe(totalmem());
  });

  it("reports V8's heap limit, which one run must fit in", () => {
    expect(availableMemory(files({})).heapBytes).toBeGreaterThan(100 * 1024 * 1024);
  });
});
