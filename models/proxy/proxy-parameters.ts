import { parameterTable } from '../../src/contract/parameter-table.js';
import { s } from '../../src/engine/index.js';

/**
 * `proxy.*`: the Service data plane of every node (docs/design.md, The path of a request).
 * Mode-specific keys are accepted whatever the mode and used only by their mode, so one file
 * can sweep modes.
 */
export const PROXY_PARAMETERS = parameterTable({
  proxy: {
    mode: {
      kind: 'choice',
      unit: 'mode',
      default: 'iptables',
      choices: ['iptables', 'ipvs', 'nftables', 'ebpf'],
      doc: 'How a node translates a ClusterIP to an endpoint: kube-proxy iptables, IPVS or nftables, or eBPF socket-LB (Cilium).',
      source: "kube-proxy's default mode on Linux is iptables",
    },
    lookupJitter: {
      kind: 'choice',
      unit: 'model',
      default: 'roundTrip',
      choices: ['roundTrip', 'none'],
      doc: "How a first packet's lookup cost varies: `roundTrip` slows it by the factor its round trip is off the path's median (the walk runs in the same softirq on the same CPU as the rest of the packet's path); `none` charges exactly rules × cost.",
      source:
        "docs/calibration.md, Calibration versus validation: fitted to the Kubernetes nftables blog's first-packet p01/p50/p90/p99 at 5k, 10k and 30k Services, `roundTrip` has a third of the error of fixed costs",
    },
    minSyncPeriod: {
      kind: 'duration',
      unit: 'duration',
      default: '1s',
      min: 0,
      max: s(3_600),
      doc: "Least time between the starts of two kube-proxy syncs on a node once its burst of 2 is spent; endpoint changes that arrive meanwhile are coalesced into the next sync (the controlplane model; ignored by eBPF, whose agent has no such limiter).",
      source: 'kube-proxy config default 1 s (pkg/proxy/apis/config/v1alpha2/defaults.go); GKE-style clusters use 10 s (docs/calibration.md, kube-proxy control plane)',
    },
    iptables: {
      ruleCost: {
        kind: 'duration',
        unit: 'duration',
        default: '6ns',
        min: 0,
        max: s(1),
        doc: "CPU time per iptables rule a first packet is tested against. The default assumes the walk this model charges: position + endpoint rules on the client node and the whole KUBE-SERVICES chain again on a remote endpoint's node.",
        source:
          "docs/calibration.md, kube-proxy data plane: ≈ 6 ns fits the Kubernetes nftables blog's 2024 iptables p50 at 30k Services when both walks are charged (≈ 18 ns if only half a chain were)",
      },
      serviceOrder: {
        kind: 'choice',
        unit: 'order',
        default: 'random',
        choices: ['random', 'creation'],
        doc: 'Order of the Services in KUBE-SERVICES: random per node (kube-proxy iterates a Go map) or creation order on every node.',
        source: 'kube-proxy pkg/proxy/iptables/proxier.go writes KUBE-SERVICES from a map iteration',
      },
      nonServiceConnectionShare: {
        kind: 'number',
        unit: 'ratio',
        default: 0.1,
        min: 0,
        max: 0.99,
        doc: 'Share of all new connections pods open that go to non-Service addresses (pod IPs, external hosts); each walks the whole KUBE-SERVICES chain and counts in datapath CPU only.',
        source: 'assumption',
      },
    },
    ipvs: {
      scheduler: {
        kind: 'choice',
        unit: 'scheduler',
        default: 'rr',
        choices: ['rr', 'lc', 'sh'],
        doc: "IPVS scheduler: round robin from where the node's last connection left off, least connections (activeconns × 256 + inactconns), or source hashing (a client pod sticks to one endpoint); each over the node's own destination order.",
        source: "kube-proxy's default IPVS scheduler is rr (pkg/proxy/ipvs/proxier.go; docs/calibration.md, kube-proxy data plane)",
      },
      connectionCost: {
        kind: 'duration',
        unit: 'duration',
        default: '8us',
        min: 0,
        max: s(1),
        doc: 'Fixed IPVS cost per new connection (virtual-server hashing, scheduling, connection entry), before the hash-chain walk.',
        source:
          'docs/calibration.md, kube-proxy data plane: IPVS costs ≈ 8 µs more per new connection than nftables at 5k Services, ≈ 1 µs of it the chain walk [D]; nftables itself ≈ 1 µs',
      },
      entryCost: {
        kind: 'duration',
        unit: 'duration',
        default: '100ns',
        min: 0,
        max: s(1),
        doc: 'Time per virtual-server entry walked in a bucket of the 256-bucket service hash table.',
        source: 'assumption (docs/calibration.md, kube-proxy data plane: ≈ 100 ns each)',
      },
      tcpFinTimeout: {
        kind: 'duration',
        unit: 'duration',
        default: '120s',
        min: 0,
        max: s(86_400),
        doc: "How long a closed connection's IPVS entry lives on (FIN_WAIT / TIME_WAIT), counted in its destination's inactconns, which lc weighs.",
        source:
          'Linux ip_vs_proto_tcp.c tcp_timeouts: FIN_WAIT and TIME_WAIT 120 s; kube-proxy --ipvs-tcpfin-timeout 0 leaves them (docs/calibration.md, kube-proxy data plane)',
      },
    },
    nftables: {
      lookupCost: {
        kind: 'duration',
        unit: 'duration',
        default: '1us',
        min: 0,
        max: s(1),
        doc: 'nftables cost per new connection: the services verdict-map lookup, the numgen endpoint map and a handful of fixed rules, whatever the Service count.',
        source:
          'KEP-4963: a Service adds ≈ 1 µs per connection over dialling the pod IP in nftables mode (netperf TCP_CRR 57.6 vs 56.6 µs; docs/calibration.md, kube-proxy data plane)',
      },
    },
    ebpf: {
      lookupCost: {
        kind: 'duration',
        unit: 'duration',
        default: '200ns',
        min: 0,
        max: s(1),
        doc: 'eBPF socket-LB cost at connect(): one Service map lookup and one backend slot; no per-packet NAT afterwards.',
        source: 'assumption',
      },
      lbMapMax: {
        kind: 'integer',
        unit: 'entries',
        default: 65_536,
        min: 1,
        max: 100_000_000,
        doc: 'Capacity of the eBPF Service/backend map; Services take 1 + endpoints entries each, in creation order, and those that do not fit are not programmed.',
        source: 'Cilium bpf-lb-map-max default 65536 (docs/calibration.md, kube-proxy data plane)',
      },
    },
    conntrack: {
      maxPerCore: {
        kind: 'integer',
        unit: 'entries',
        default: 32_768,
        min: 0,
        max: 100_000_000,
        doc: "conntrack entries per node core; a node's table holds max(maxPerCore × cluster.nodeCores, conntrack.min) and drops new connections when full.",
        source: 'kube-proxy --conntrack-max-per-core default 32768 (docs/calibration.md, kube-proxy data plane)',
      },
      min: {
        kind: 'integer',
        unit: 'entries',
        default: 131_072,
        min: 0,
        max: 100_000_000,
        doc: 'Smallest conntrack table kube-proxy sets on a node, whatever its core count.',
        source: 'kube-proxy --conntrack-min default 131072 (docs/calibration.md, kube-proxy data plane)',
      },
      timeWaitTimeout: {
        kind: 'duration',
        unit: 'duration',
        default: '120s',
        min: 0,
        max: s(86_400),
        doc: "How long a closed connection's conntrack entry lingers (TIME_WAIT) before the slot is free again.",
        source: 'Linux nf_conntrack_tcp_timeout_time_wait default 120 s',
      },
      udpTimeout: {
        kind: 'duration',
        unit: 'duration',
        default: '30s',
        min: 0,
        max: s(86_400),
        doc: "How long a UDP flow's conntrack entry (a DNS query's) lives after its last packet; a query and its answer do not make it a 120 s stream.",
        source: 'Linux nf_conntrack_udp_timeout default 30 s (the 120 s stream timeout needs traffic after 2 s); kube-proxy conntrack.udpTimeout 0 leaves it (docs/calibration.md, kube-proxy data plane)',
      },
    },
  },
});
