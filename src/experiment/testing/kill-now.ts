/** SIGKILL to this process, for tests of what a kill leaves, and no step further while the signal lands. */
export function killNow(): never {
  process.kill(process.pid, 'SIGKILL');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  throw new Error('not killed');
}
