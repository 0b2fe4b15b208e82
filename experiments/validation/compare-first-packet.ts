/**
 * Puts the model's first-packet percentiles beside the Kubernetes blog's chart ("NFTables mode
 * for kube-proxy", 2025-02-28; values read from the post's SVG charts, docs/calibration.md,
 * kube-proxy data plane) and scores them: the squared log error of p01, p50, p90 and p99 at
 * 5k, 10k and 30k Services, per mode. With first-packet-fit.yaml's summary it ranks the
 * (lookupJitter, ruleCost) points; with first-packet.yaml's it prints the residual table.
 *
 *   npx tsx experiments/validation/compare-first-packet.ts results/first-packet/first-packet.summary.csv
 */
import { readFileSync } from 'node:fs';

const PERCENTILES = ['p01', 'p50', 'p90', 'p99'] as const;

/** Published first-packet round trip (µs) by mode and Service count: p01, p50, p90, p99. */
const CHART: Readonly<Record<string, Readonly<Record<number, readonly number[]>>>> = {
  iptables: { 5000: [14.5, 47, 120, 152], 10000: [10.9, 62, 189, 257], 30000: [39.9, 272, 493, 714] },
  nftables: { 5000: [8.2, 14.1, 21.2, 38.6], 10000: [8.2, 14.1, 21.0, 37.0], 30000: [8.2, 14.3, 21.6, 38.4] },
  ipvs: { 5000: [12.4, 22.5, 30.5, 48.3], 10000: [12.7, 23.4, 32.0, 49.1], 30000: [14.5, 27.5, 37.0, 56.5] },
};

type Row = Readonly<Record<string, string>>;

function readSummary(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

function modelPercentiles(row: Row): number[] {
  return PERCENTILES.map((p) => Number(row[`first_packet_${p}_us_mean`]));
}

/** Σ ln(model / chart)² over the four percentiles. */
function logError(model: readonly number[], chart: readonly number[]): number {
  return model.reduce((sum, value, i) => sum + Math.log(value / chart[i]) ** 2, 0);
}

function modeOf(row: Row): string {
  return row['proxy.mode'] ?? 'iptables';
}

/** Rows grouped by every parameter column except the Service count. */
function groups(rows: readonly Row[]): Map<string, Row[]> {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = Object.entries(row)
      .filter(([column]) => column.includes('.') && column !== 'cluster.services')
      .map(([column, value]) => `${column}=${value}`)
      .join(' ') || `proxy.mode=${modeOf(row)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return byKey;
}

function residualTable(key: string, rows: readonly Row[]): string[] {
  const lines = [`${key}`, '  Services  percentile   model µs  (± ci95)   chart µs   model/chart'];
  for (const row of rows) {
    const chart = CHART[modeOf(row)][Number(row['cluster.services'])];
    PERCENTILES.forEach((p, i) => {
      const model = Number(row[`first_packet_${p}_us_mean`]);
      const ci = row[`first_packet_${p}_us_ci95`];
      const ciText = ci === '' ? '' : `± ${Number(ci).toFixed(1)}`;
      lines.push(`  ${row['cluster.services'].padStart(8)}  ${p.padEnd(10)} ${model.toFixed(1).padStart(9)}  ${ciText.padStart(9)}  ${chart[i].toFixed(1).padStart(9)}   ${(model / chart[i]).toFixed(2).padStart(9)}`);
    });
  }
  return lines;
}

const file = process.argv[2] ?? 'results/first-packet/first-packet.summary.csv';
const scored = [...groups(readSummary(file))].map(([key, rows]) => {
  const error = rows.reduce((sum, row) => sum + logError(modelPercentiles(row), CHART[modeOf(row)][Number(row['cluster.services'])]), 0);
  return { key, rows, error };
});
for (const { key, rows, error } of scored) {
  process.stdout.write(`${residualTable(key, rows).join('\n')}\n  squared log error over ${rows.length * 4} percentiles: ${error.toFixed(3)}\n\n`);
}
const ranked = [...scored].sort((a, b) => a.error - b.error);
process.stdout.write(`Ranked by error: ${ranked.slice(0, 6).map(({ key, error }) => `${key} (${error.toFixed(3)})`).join('; ')}\n`);
