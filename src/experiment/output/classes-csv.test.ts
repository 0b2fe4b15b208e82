import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../run/experiment-runs.js';
import { resolveText, SMALL_EXPERIMENT } from '../testing/experiment-fixtures.js';
import { FAKE_CLASSES } from '../testing/fake-model.js';
import { CLASS_TABLE, classesCsv } from './classes-csv.js';

function record(point: number, replication: number, classes: [string, number, number | undefined][]): RunRecord {
  const rows = classes.map(([name, requests, latency]) => ({ name, values: { class_requests: requests, class_latency_p50_ms: latency } }));
  return { run: { index: point * 2 + replication, point, replication }, metrics: {}, warnings: [], events: 0, buildSeconds: 0, runSeconds: 0, worker: 0, classes: rows };
}

describe('classesCsv', () => {
  const experiment = resolveText(SMALL_EXPERIMENT);

  it('writes the CSV\'s run and parameter columns, then class, then the class columns in order', () => {
    expect(classesCsv(experiment, FAKE_CLASSES, [])).toBe(
      'experiment,point,replication,seed,proxy.mode,cluster.services,workload.serviceTime.median,class,class_requests,class_latency_p50_ms\n',
    );
  });

  it('sorts rows by point and replication, keeps each run\'s class order, quotes a name that needs it and leaves no samples empty', () => {
    const records = [record(6, 1, [['gold', 5, 1.5]]), record(0, 1, [['gold', 2, 0.25], ['bronze, batch', 0, undefined]]), record(0, 0, [['z', 1, 0.1 + 0.2], ['a', 3, 4]])];
    expect(classesCsv(experiment, FAKE_CLASSES, records).split('\n').slice(1)).toEqual([
      'small,0,0,7,iptables,10,2ms,z,1,0.30000000000000004',
      'small,0,0,7,iptables,10,2ms,a,3,4',
      'small,0,1,7,iptables,10,2ms,gold,2,0.25',
      'small,0,1,7,iptables,10,2ms,"bronze, batch",0,',
      'small,6,1,7,ebpf,10,1ms,gold,5,1.5',
      '',
    ]);
  });

  it('takes a run\'s rows read back as complete with at least one class, each once', () => {
    const rows = (...names: string[]) => names.map((name) => CLASS_TABLE.rowOf(name, {}));
    expect(CLASS_TABLE.isComplete(rows('gold', 'bronze'))).toBe(true);
    expect(CLASS_TABLE.isComplete(rows())).toBe(false);
    expect(CLASS_TABLE.isComplete(rows('gold', 'gold'))).toBe(false);
  });
});
