import { s as seconds, type Nanoseconds, type Simulation } from '../../src/engine/index.js';
import { exponential, type RandomStream } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';
import { READY, type EndpointEditor } from './endpoint-editor.js';
import type { NewPods } from './new-pods.js';

export interface ServiceChurnOptions {
  /** `churn.serviceCreatesPerSecond`: Services created per second, cluster-wide (Poisson). */
  readonly ratePerSecond: number;
  /** `churn.serviceLifetime`: how long each lives before it is deleted. */
  readonly lifetime: Nanoseconds;
}

/**
 * Services created and deleted as clusterloader2's load test does (docs/calibration.md, Pod
 * churn and clients): at Poisson times a Service is created with `cluster.endpointsPerService`
 * ready pods (one write: its EndpointSlice) and deleted `lifetime` later (another). Nobody in
 * the workload calls them: they lengthen KUBE-SERVICES and the tables every node syncs, load
 * the watch fan-out, and give CoreDNS's programming latency its samples (a new Service's A
 * record). They are numbered after the cluster's Services. Draws: the stream `churn/services`.
 */
export class ServiceChurn {
  private nextService: number;
  private readonly meanGap: Nanoseconds;
  private readonly create = (): void => this.createOne();

  constructor(
    private readonly sim: Simulation,
    private readonly cluster: Cluster,
    private readonly endpoints: EndpointEditor,
    private readonly stream: RandomStream,
    private readonly options: ServiceChurnOptions,
    private readonly pods: NewPods,
  ) {
    this.nextService = cluster.services;
    this.meanGap = options.ratePerSecond > 0 ? seconds(1 / options.ratePerSecond) : Number.POSITIVE_INFINITY;
  }

  start(): void {
    if (this.meanGap !== Number.POSITIVE_INFINITY) this.sim.post(this.gap(), this.create);
  }

  private gap(): Nanoseconds {
    return Math.max(1, Math.round(exponential(this.stream, this.meanGap)));
  }

  private createOne(): void {
    const service = this.nextService++;
    const pods = Array.from({ length: this.cluster.endpointsPerService }, () => this.pods.next());
    this.endpoints.change(service, undefined, pods, READY, 'created');
    this.sim.post(this.options.lifetime, () => this.endpoints.change(service, () => undefined, [], READY, 'deleted'));
    this.sim.post(this.gap(), this.create);
  }
}
