import type { Simulation } from '../../src/engine/simulation.js';
import { Station } from '../../src/engine/station.js';
import type { Nanoseconds } from '../../src/engine/time.js';
import type { Request } from './request.js';

/** Utilisation facts about the backend pods at the end of the measured window. */
export interface PodLoadReport {
  /** Highest time-weighted busy fraction of any pod. */
  readonly maxUtilization: number;
  /** Pods whose offered load was >= 1, and the worst of them. */
  readonly overloadedPods: number;
  readonly worstPod: string | undefined;
  readonly worstOfferedLoad: number;
}

/**
 * The backend pods as Stations with `workload.podConcurrency` slots. A pod's Station is
 * built when the pod first gets a request, so a cluster of 300,000 pods costs memory only
 * for the pods that are called; a pod built late counts as idle since the window began.
 */
export class BackendPods {
  private readonly stations = new Map<number, Station<Request>>();
  private windowStart: Nanoseconds | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly concurrency: number,
    private readonly onServed: (request: Request) => void,
  ) {}

  /** Queues `request` at `pod` for `serviceTime` of one of its slots. */
  submit(pod: number, request: Request, serviceTime: Nanoseconds): void {
    this.station(pod).submit(request, serviceTime);
  }

  /** Starts the measured window: statistics restart now, and later pods count from now. */
  startWindow(): void {
    this.windowStart = this.sim.now;
    for (const station of this.stations.values()) station.resetStatistics();
  }

  /** Reads every pod's utilisation and offered load; call at the end of the window. */
  report(): PodLoadReport {
    let maxUtilization = 0;
    let overloadedPods = 0;
    let worst: Station<Request> | undefined;
    for (const station of this.stations.values()) {
      maxUtilization = Math.max(maxUtilization, station.utilization());
      if (station.offeredLoad() >= 1) overloadedPods++;
      if (worst === undefined || station.offeredLoad() > worst.offeredLoad()) worst = station;
    }
    return {
      maxUtilization,
      overloadedPods,
      worstPod: worst?.name,
      worstOfferedLoad: worst?.offeredLoad() ?? 0,
    };
  }

  private station(pod: number): Station<Request> {
    let station = this.stations.get(pod);
    if (station === undefined) {
      station = new Station<Request>(this.sim, {
        name: `backend pod ${pod}`,
        servers: this.concurrency,
        onDone: this.onServed,
        measureFrom: this.windowStart,
      });
      this.stations.set(pod, station);
    }
    return station;
  }
}
