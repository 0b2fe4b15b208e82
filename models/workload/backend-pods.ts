import type { Simulation } from '../../src/engine/simulation.js';
import { StationBank, type StationBankReport } from '../../src/engine/station-bank.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import type { Connection } from './connection.js';
import type { Request } from './request.js';

/** Utilisation facts about the backend pods at the end of the measured window. */
export type PodLoadReport = StationBankReport;

/**
 * The backend pods: a bank of c-server FIFO stations with `workload.podConcurrency` slots,
 * one per pod, kept as typed arrays (StationBank) so 300,000 pods cost a few megabytes and a
 * request touches one cache line of pod state; a request is at the pod its connection reached.
 */
export class BackendPods {
  private readonly bank: StationBank<Request>;

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

  /** Every pod's utilisation and offered load so far; call at the end of the window. */
  report(): PodLoadReport {
    return this.bank.report();
  }
}
