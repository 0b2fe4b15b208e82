import { StationBank, type Nanoseconds, type Simulation, type StationBankReport } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { UtilizationSource } from '../core/model-definition.js';
import type { Request } from '../core/request.js';

/** Utilisation facts about the backend pods at the end of the measured window. */
export type PodLoadReport = StationBankReport;

/**
 * The backend pods: a bank of c-server FIFO stations with `workload.podConcurrency` slots,
 * one per pod, kept as typed arrays (StationBank) so 300,000 pods cost about 14 MB and a
 * request touches one cache line of pod state; a request is at the pod its connection reached.
 */
export class BackendPods implements UtilizationSource {
  private readonly bank: StationBank<Request>;
  private load: PodLoadReport | undefined;

  constructor(sim: Simulation, pods: number, concurrency: number, onServed: (request: Request) => void) {
    this.bank = new StationBank<Request>(sim, {
      name: 'backend pod',
      stations: pods,
      servers: concurrency,
      stationOf: (request) => (request.connection as Connection).endpointPod,
      onDone: onServed,
    });
  }

  /** Queues `request` at `pod` for `serviceTime` of one of its slots. */
  submit(pod: number, request: Request, serviceTime: Nanoseconds): void {
    this.bank.submit(pod, request, serviceTime);
  }

  /** Starts the measured window: statistics restart now. */
  startWindow(): void {
    this.bank.resetStatistics();
  }

  /** Ends the measured window: every pod's utilisation and offered load over it. */
  endWindow(): PodLoadReport {
    return (this.load = this.bank.report());
  }

  windowMaxUtilization(): number {
    return this.windowLoad().maxUtilization;
  }

  /** The report of the window that ended (an empty one before then). */
  windowLoad(): PodLoadReport {
    return this.load ?? { maxUtilization: 0, overloaded: 0, worst: undefined, worstOfferedLoad: 0 };
  }
}
