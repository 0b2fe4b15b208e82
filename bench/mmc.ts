/**
 * The speed program (docs/design.md, Contracts): simulates an M/M/c queue through the engine's Station and
 * prints one JSON line. wall_s is measured here, around the run only, outside src/: the
 * simulation itself never reads the wall clock.
 *
 *   npx tsx bench/mmc.ts --customers 4000000 --lambda 0.9 --mu 1 --servers 1 --seed 1
 */
import { parseArgs } from 'node:util';
import { simulateMmc } from './mmc-model.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1000000' },
    lambda: { type: 'string', default: '0.9' },
    mu: { type: 'string', default: '1' },
    servers: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
  },
});

function positive(name: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    process.stderr.write(`mmc: expected --${name} to be ${integer ? 'an integer' : 'a number'} > 0, got \`${text}\`\n`);
    process.exit(2);
  }
  return value;
}

const customers = positive('customers', values.customers, true);
const lambda = positive('lambda', values.lambda, false);
const mu = positive('mu', values.mu, false);
const servers = positive('servers', values.servers, true);
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) {
  process.stderr.write(`mmc: expected --seed to be an integer, got \`${values.seed}\`\n`);
  process.exit(2);
}
if (lambda >= mu * servers) {
  process.stderr.write(`mmc: warning: offered load ${lambda / (mu * servers)} >= 1, the queue never settles\n`);
}

const started = process.hrtime.bigint();
const result = simulateMmc({ customers, lambda, mu, servers, seed });
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;

process.stdout.write(
  `${JSON.stringify({
    customers: result.customers,
    mean_wait: result.meanWait,
    mean_sojourn: result.meanSojourn,
    events: result.events,
    wall_s: wallSeconds,
    customers_per_s: result.customers / wallSeconds,
  })}\n`,
);
