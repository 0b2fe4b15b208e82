import type { Simulation } from '../../src/engine/index.js';
import type { Connection } from '../core/connection.js';
import type { ConnectOutcome, PodLifecycle } from '../churn/pod-lifecycle.js';

/**
 * What a connection meets at its endpoint's pod now, as the churn model's pod lifecycle says
 * (docs/calibration.md, Pod churn and clients); without churn pods never go, and a host
 * outside the cluster always answers. The request path asks before each step.
 */
export class ConnectionEnds {
  constructor(
    private readonly sim: Simulation,
    private readonly lifecycle: PodLifecycle | undefined,
  ) {}

  /** What a connection's SYN meets at its pod now. */
  podMeets(connection: Connection): ConnectOutcome {
    const lifecycle = this.lifecycle;
    if (lifecycle === undefined || connection.external >= 0) return 'accepted';
    return lifecycle.connect(connection.endpointPod, this.sim.now);
  }

  /**
   * Whether the connection's pod has closed it (past its preStop, or exited): the client's pool
   * sees the FIN (HTTP/2: GOAWAY). A pod on a dead node closes nothing, so the client does not
   * know and sends on.
   */
  serverClosed(connection: Connection): boolean {
    const met = this.podMeets(connection);
    return met === 'refused' || met === 'gone';
  }

  /** Whether the connection's pod has exited (what is in it is reset). */
  podExited(connection: Connection): boolean {
    const lifecycle = this.lifecycle;
    return lifecycle !== undefined && connection.external < 0 && lifecycle.exited(connection.endpointPod, this.sim.now);
  }

  /** Whether the connection's pod is on a node that is down (nothing comes back). */
  podUnreachable(connection: Connection): boolean {
    const lifecycle = this.lifecycle;
    return lifecycle !== undefined && connection.external < 0 && lifecycle.unreachable(connection.endpointPod, this.sim.now);
  }
}
