import { makeSampler, type DistributionSpec, type RandomStream, type Sampler } from '../../src/random/index.js';
import type { Cluster } from '../cluster/cluster.js';

/**
 * A backend pod's service time for a request to a Service: its class's own distribution, or
 * the workload's. Every draw comes from the one stream, in request start order, so a run of
 * the one-class shorthand draws exactly what it drew before classes existed.
 */
export class ServiceTimes {
  private readonly perClass: readonly Sampler[];
  private readonly workload: Sampler;

  constructor(
    private readonly cluster: Cluster,
    workloadServiceTime: DistributionSpec,
    stream: RandomStream,
  ) {
    this.workload = makeSampler(workloadServiceTime, stream);
    this.perClass = cluster.classes.map((serviceClass) =>
      serviceClass.serviceTime === undefined ? this.workload : makeSampler(serviceClass.serviceTime, stream),
    );
  }

  /** A service time (ns) for a request to `service` (-1: a host outside the cluster, the workload's). */
  sample(service: number): number {
    const serviceClass = this.cluster.layout.classOfService(service);
    return (serviceClass < 0 ? this.workload : this.perClass[serviceClass]).sample();
  }
}
