/**
 * How fast an event kernel that dispatches a handler per event can run bench/mmc.ts's queue in
 * JS (issue 14): the least a kernel does — a 4-ary heap over parallel arrays (time, sequence,
 * handler, data; no event records, no priorities, no cancellation, no checks beyond the
 * delay's), `post(delay, handler, data)` and a loop that pops and calls — with the queue's
 * logic in two closures on the engine's JobQueue and the engine's draws and rounding, so it
 * simulates the very customers bench/mmc.ts does. It stands between the engine (bench/mmc.ts)
 * and the hand-written loop (bench/mmc-handwritten.ts): what is left between it and the engine
 * is the engine's generality, what is left between it and the hand-written loop is calling a
 * handler per event. bench/mmc-compare.ts prints all of them beside the C reference.
 *
 *   npx tsx bench/mmc-minimal-kernel.ts CUSTOMERS LAMBDA MU SERVERS SEED
 */
import { JobQueue } from '../src/engine/job-queue.js';
import { roundHalfUp } from '../src/engine/time.js';
import { exponentialSampler, RandomStreams } from '../src/random/index.js';

type Handler = (data: number) => void;

class MinimalKernel {
  now = 0;
  private nextSequence = 0;
  private size = 0;
  private times = new Float64Array(1024);
  private sequences = new Float64Array(1024);
  private handlers: (Handler | undefined)[] = new Array<Handler | undefined>(1024).fill(undefined);
  private data = new Float64Array(1024);

  // The moves of the four arrays are written out in `post` and `run`, not shared through a
  // method: with one the kernel ran ~4 % slower (7.3M against 7.55M customers/s, 5 runs each).
  post(delay: number, handler: Handler, datum: number): void {
    if (!(delay >= 0 && delay < Number.POSITIVE_INFINITY)) throw new RangeError(`Expected a delay >= 0 ns and finite, got ${delay}`);
    if (this.size === this.times.length) throw new RangeError('MinimalKernel: more than 1,024 pending events');
    const time = this.now + roundHalfUp(delay);
    const sequence = this.nextSequence++;
    const { times, sequences, handlers, data } = this;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 2;
      if (times[parent] < time || (times[parent] === time && sequences[parent] < sequence)) break;
      times[hole] = times[parent];
      sequences[hole] = sequences[parent];
      handlers[hole] = handlers[parent];
      data[hole] = data[parent];
      hole = parent;
    }
    times[hole] = time;
    sequences[hole] = sequence;
    handlers[hole] = handler;
    data[hole] = datum;
  }

  run(): number {
    const { times, sequences, handlers, data } = this;
    let events = 0;
    while (this.size > 0) {
      const time = times[0];
      const handler = handlers[0] as Handler;
      const datum = data[0];
      const size = --this.size;
      const lastTime = times[size];
      const lastSequence = sequences[size];
      let hole = 0;
      for (;;) {
        const first = 4 * hole + 1;
        if (first >= size) break;
        let best = first;
        const end = first + 4 < size ? first + 4 : size;
        for (let child = first + 1; child < end; child++) {
          if (times[child] < times[best] || (times[child] === times[best] && sequences[child] < sequences[best])) best = child;
        }
        if (lastTime < times[best] || (lastTime === times[best] && lastSequence < sequences[best])) break;
        times[hole] = times[best];
        sequences[hole] = sequences[best];
        handlers[hole] = handlers[best];
        data[hole] = data[best];
        hole = best;
      }
      times[hole] = lastTime;
      sequences[hole] = lastSequence;
      handlers[hole] = handlers[size];
      data[hole] = data[size];
      handlers[size] = undefined;
      this.now = time;
      events++;
      handler(datum);
    }
    return events;
  }
}

function simulate(customers: number, lambda: number, mu: number, servers: number, seed: number) {
  const kernel = new MinimalKernel();
  const streams = new RandomStreams(seed, 0);
  const gaps = exponentialSampler(streams.get('mmc/arrivals'), 1e9 / lambda);
  const serviceTimes = exponentialSampler(streams.get('mmc/service'), 1e9 / mu);
  const waiting = new JobQueue<number>();
  let busy = 0;
  let arrived = 0;
  let waitSum = 0;
  let sojournSum = 0;
  const depart = (arrivedAt: number): void => {
    sojournSum += kernel.now - arrivedAt;
    if (waiting.length === 0) {
      busy--;
      return;
    }
    const serviceTime = waiting.headServiceTime;
    waitSum += kernel.now - waiting.headArrival;
    kernel.post(serviceTime, depart, waiting.shift());
  };
  const arrive = (): void => {
    const serviceTime = roundHalfUp(serviceTimes.sample());
    if (busy < servers) {
      busy++;
      kernel.post(serviceTime, depart, kernel.now);
    } else {
      waiting.push(kernel.now, serviceTime, kernel.now);
    }
    if (++arrived < customers) kernel.post(roundHalfUp(gaps.sample()), arrive, 0);
  };
  kernel.post(roundHalfUp(gaps.sample()), arrive, 0);
  const started = process.hrtime.bigint();
  const events = kernel.run();
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  return { customers: arrived, mean_wait: waitSum / arrived / 1e9, mean_sojourn: sojournSum / arrived / 1e9, events, wall_s: wallS, customers_per_s: arrived / wallS };
}

const [customers, lambda, mu, servers, seed] = process.argv.slice(2).map(Number);
if (![customers, lambda, mu, servers].every((x) => x > 0) || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: mmc-minimal-kernel CUSTOMERS LAMBDA MU SERVERS SEED (all > 0, seed an integer)\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(simulate(customers, lambda, mu, servers, seed))}\n`);
