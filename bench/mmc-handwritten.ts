/**
 * The ceiling for JavaScript (issue 14): the M/M/c queue of bench/mmc.ts written by hand for
 * speed, with no engine — one loop, a binary heap over typed arrays (time, sequence, kind, data),
 * the waiting jobs in typed rings — but the engine's own draws: the same named streams, the
 * same `-mean * log1p(-u)` and the same rounding, so it simulates the very customers bench/mmc.ts
 * and bench/mmc-reference.c simulate and prints the same mean wait. What it runs at is about
 * the most any engine written in JS on Node.js 20 could run this queue at; bench/mmc-compare.ts
 * prints it beside the C reference and the engine.
 *
 *   npx tsx bench/mmc-handwritten.ts CUSTOMERS LAMBDA MU SERVERS SEED
 */
import { roundHalfUp } from '../src/engine/time.js';
import { RandomStreams, type RandomStream } from '../src/random/index.js';

const ARRIVAL = 0;
const DEPARTURE = 1;

function simulate(customers: number, lambda: number, mu: number, servers: number, seed: number) {
  const streams = new RandomStreams(seed, 0);
  const arrivals = streams.get('mmc/arrivals');
  const service = streams.get('mmc/service');
  const draw = (stream: RandomStream, mean: number): number => roundHalfUp(-mean * Math.log1p(-stream.next()));
  const meanGap = 1e9 / lambda;
  const meanService = 1e9 / mu;

  let capacity = 64;
  let times = new Float64Array(capacity);
  let sequences = new Float64Array(capacity);
  let kinds = new Int32Array(capacity);
  let data = new Float64Array(capacity);
  let size = 0;
  let nextSequence = 0;
  // The four-array moves below are written out, not shared through a helper: with a `move`
  // closure this loop ran ~5 % slower (7.3M against 7.7M customers/s, 5 runs each, interleaved),
  // and this program is meant to be as fast as JS gets.
  const schedule = (time: number, kind: number, datum: number): void => {
    if (size === capacity) {
      capacity *= 2;
      const grow = <T extends Float64Array | Int32Array>(old: T, fresh: T): T => (fresh.set(old), fresh);
      times = grow(times, new Float64Array(capacity));
      sequences = grow(sequences, new Float64Array(capacity));
      kinds = grow(kinds, new Int32Array(capacity));
      data = grow(data, new Float64Array(capacity));
    }
    const sequence = nextSequence++;
    let hole = size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (times[parent] < time || (times[parent] === time && sequences[parent] < sequence)) break;
      times[hole] = times[parent];
      sequences[hole] = sequences[parent];
      kinds[hole] = kinds[parent];
      data[hole] = data[parent];
      hole = parent;
    }
    times[hole] = time;
    sequences[hole] = sequence;
    kinds[hole] = kind;
    data[hole] = datum;
  };
  // Waiting jobs: arrival and service time in rings that double.
  let ringArrival = new Float64Array(8);
  let ringService = new Float64Array(8);
  let head = 0;
  let waiting = 0;
  const enqueue = (arrival: number, serviceTime: number): void => {
    if (waiting === ringArrival.length) {
      const n = ringArrival.length;
      const a = new Float64Array(2 * n);
      const s = new Float64Array(2 * n);
      for (let i = 0; i < waiting; i++) {
        a[i] = ringArrival[(head + i) & (n - 1)];
        s[i] = ringService[(head + i) & (n - 1)];
      }
      ringArrival = a;
      ringService = s;
      head = 0;
    }
    const slot = (head + waiting++) & (ringArrival.length - 1);
    ringArrival[slot] = arrival;
    ringService[slot] = serviceTime;
  };

  let arrived = 0;
  let busy = 0;
  let events = 0;
  let waitSum = 0;
  let sojournSum = 0;
  schedule(draw(arrivals, meanGap), ARRIVAL, 0);
  const started = process.hrtime.bigint();
  while (size > 0) {
    const now = times[0];
    const kind = kinds[0];
    const datum = data[0];
    // Remove the top: sift the last record down from the root.
    const last = --size;
    const lastTime = times[last];
    const lastSequence = sequences[last];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= size) break;
      if (child + 1 < size && (times[child + 1] < times[child] || (times[child + 1] === times[child] && sequences[child + 1] < sequences[child]))) child++;
      if (lastTime < times[child] || (lastTime === times[child] && lastSequence < sequences[child])) break;
      times[hole] = times[child];
      sequences[hole] = sequences[child];
      kinds[hole] = kinds[child];
      data[hole] = data[child];
      hole = child;
    }
    times[hole] = lastTime;
    sequences[hole] = lastSequence;
    kinds[hole] = kinds[last];
    data[hole] = data[last];
    events++;
    if (kind === ARRIVAL) {
      const serviceTime = draw(service, meanService);
      if (busy < servers) {
        busy++;
        schedule(now + serviceTime, DEPARTURE, now);
      } else {
        enqueue(now, serviceTime);
      }
      if (++arrived < customers) schedule(now + draw(arrivals, meanGap), ARRIVAL, 0);
    } else {
      sojournSum += now - datum;
      if (waiting > 0) {
        const slot = head;
        head = (head + 1) & (ringArrival.length - 1);
        waiting--;
        waitSum += now - ringArrival[slot];
        schedule(now + ringService[slot], DEPARTURE, ringArrival[slot]);
      } else {
        busy--;
      }
    }
  }
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  return { customers: arrived, mean_wait: waitSum / arrived / 1e9, mean_sojourn: sojournSum / arrived / 1e9, events, wall_s: wallS, customers_per_s: arrived / wallS };
}

const [customers, lambda, mu, servers, seed] = process.argv.slice(2).map(Number);
if (![customers, lambda, mu, servers].every((x) => x > 0) || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: mmc-handwritten CUSTOMERS LAMBDA MU SERVERS SEED (all > 0, seed an integer)\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(simulate(customers, lambda, mu, servers, seed))}\n`);
