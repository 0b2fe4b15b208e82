/** Random streams for tests only, whose draws a test chooses or counts (the build leaves testing/ out). */
import type { RandomStream } from '../random-stream.js';

/** A stream that returns the given values in turn (cycling) and counts its draws. */
export class ScriptedStream implements RandomStream {
  readonly name = 'test/scripted';
  draws = 0;

  constructor(private readonly values: readonly number[]) {}

  next(): number {
    return this.values[this.draws++ % this.values.length];
  }
}

/** A stream that wraps another and counts its draws. */
export class CountingStream implements RandomStream {
  draws = 0;

  constructor(private readonly inner: RandomStream) {}

  get name(): string {
    return this.inner.name;
  }

  next(): number {
    this.draws++;
    return this.inner.next();
  }
}
