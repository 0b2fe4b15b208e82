import { StationBank, type Nanoseconds, type Simulation, type StationBankReport } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { UtilizationSource } from '../core/model-definition.js';
import type { Request } from '../core/request.js';

/** Utilisation facts about the backend pods at the end of the measured window. */
export type PodLoadReport = StationBankReport;

/**
 * The backend pods: banks of c-server FIFO stations, one station per pod, one bank per pod
 * concurrency (`workload.podConcurrency`, or a Service class's own), kept as typed arrays
 * (StationBank; pages only where pods are used) so 300,000 pods cost about 14 MB and a request
 * touches one cache line of pod state; a request is at the pod its connection reached, in the
 * bank of its Service's class.
 */
export class BackendPods implements UtilizationSource {
  private readonly banks: StationBank<Request>[];
  /** Per Service class: its bank (classes of one concurrency share one). */
  private readonly bankOfClass: Uint16Array;
  private load: PodLoadReport | undefined;

  /**
   * `concurrencyOfClass[c]`: the slots of class c's pods; `classOf(service)` a Service's class
   * (-1 for a Service churn created: the first class's bank).
   */
  constructor(
    sim: Simulation,
    pods: number,
    concurrencyOfClass: readonly number[],
    private readonly classOf: (service: number) => number,
    onServed: (request: Request) => void,
  ) {
    const distinct = [...new Set(concurrencyOfClass)];
    this.bankOfClass = Uint16Array.from(concurrencyOfClass, (concurrency) => distinct.indexOf(concurrency));
    this.banks = distinct.map((servers) => new StationBank<Request>(sim, {
      name: 'backend pod',
      stations: pods,
      servers,
      stationOf: (request) => (request.connection as Connection).endpointPod,
      onDone: onServed,
    }));
  }

  /** Queues `request` at `pod` for `serviceTime` of one of its slots. */
  submit(pod: number, request: Request, serviceTime: Nanoseconds): void {
    const serviceClass = this.classOf(request.service);
    this.banks[this.bankOfClass[serviceClass < 0 ? 0 : serviceClass]].submit(pod, request, serviceTime);
  }

  /** Starts the measured window: statistics restart now. */
  startWindow(): void {
    for (const bank of this.banks) bank.resetStatistics();
  }

  /** Ends the measured window: every pod's utilisation and offered load over it. */
  endWindow(): PodLoadReport {
    return (this.load = combined(this.banks.map((bank) => bank.report())));
  }

  windowMaxUtilization(): number {
    return this.windowLoad().maxUtilization;
  }

  /** The report of the window that ended (an empty one before then). */
  windowLoad(): PodLoadReport {
    return this.load ?? { maxUtilization: 0, overloaded: 0, worst: undefined, worstOfferedLoad: 0 };
  }
}

/** The banks' reports as one: the busiest pod and the worst offered load of any. */
function combined(reports: readonly PodLoadReport[]): PodLoadReport {
  if (reports.length === 1) return reports[0];
  const worst = reports.reduce((a, b) => (b.worstOfferedLoad > a.worstOfferedLoad ? b : a));
  return {
    maxUtilization: Math.max(...reports.map((report) => report.maxUtilization)),
    overloaded: reports.reduce((sum, report) => sum + report.overloaded, 0),
    worst: worst.worst,
    worstOfferedLoad: worst.worstOfferedLoad,
  };
}
