import { FLOW_PRESETS, FlowGrouping, FlowPreset } from '../../types';

/** What one preset query measures; each becomes one field of the edge (src/model/flow.ts). */
export type Measure =
  'bytes' | 'requests' | 'errors' | 'latencyP95' | 'retransmits' | 'drops' | 'resets' | 'flows' | 'interZoneBytes';

export interface PresetMeasure {
  measure: Measure;
  /** counter: summed `increase` over the range; histogram: p95 of `<metric>_bucket`. */
  kind: 'counter' | 'histogram';
  /** Metric name, or for histograms the name without `_bucket`. */
  metric: string;
  /** Fixed label matchers of this measure, e.g. `reporter="destination"`. */
  match?: string;
  /** Multiplier to base units (Istio's latency is in milliseconds). */
  scale?: number;
}

/** Labels naming one end of an edge: the first non-empty candidate wins, so one preset fits several exporter configurations. */
export interface EndLabels {
  name: string[];
  namespace?: string[];
  zone?: string[];
  /** Labels naming this end's cluster (Istio's `source_cluster`); the series' cluster label follows them. */
  cluster?: string[];
}

export interface Grouping {
  source: EndLabels;
  target: EndLabels;
}

export interface PresetDef {
  label: string;
  description: string;
  /** The measure that defines which edges exist (and is compared by the time-range diff). */
  primary: Measure;
  measures: PresetMeasure[];
  groupings: Partial<Record<FlowGrouping, Grouping>>;
  /**
   * The label naming the cluster of a whole series: the exporter's own, or the external label a
   * global view (federation, remote write, Thanos) adds. A data source setting may replace it.
   */
  clusterLabel: string;
}

/** The external label a global view adds by convention (Thanos, Mimir and Prometheus docs use `cluster`). */
export const DEFAULT_CLUSTER_LABEL = 'cluster';

const both = (src: EndLabels, dst: EndLabels): Grouping => ({ source: src, target: dst });

/**
 * Beyla and OBI share attribute names (grafana/beyla docs/sources/network, open-telemetry/
 * opentelemetry-ebpf-instrumentation docs network): by default only owner, namespace and cluster
 * are reported; src_name/src_address/k8s_src_name appear when selected.
 */
function ebpfPreset(prefix: 'beyla' | 'obi'): PresetDef {
  const end = (side: 'src' | 'dst') => ({
    zone: [`${side}_zone`],
    ns: [`k8s_${side}_namespace`],
  });
  const s = end('src');
  const d = end('dst');
  return {
    label: prefix === 'beyla' ? 'Beyla network flows' : 'OpenTelemetry eBPF (OBI) network flows',
    description: `${prefix}_network_flow_bytes_total, ${prefix}_network_inter_zone_bytes_total, ${prefix}_stat_tcp_retransmits_total`,
    primary: 'bytes',
    // One of the attributes reported by default (with owner and namespace).
    clusterLabel: 'k8s_cluster_name',
    measures: [
      { measure: 'bytes', kind: 'counter', metric: `${prefix}_network_flow_bytes_total` },
      { measure: 'interZoneBytes', kind: 'counter', metric: `${prefix}_network_inter_zone_bytes_total` },
      // TCP stats (the `stats` feature): absent unless enabled, which only leaves the field out.
      { measure: 'retransmits', kind: 'counter', metric: `${prefix}_stat_tcp_retransmits_total` },
    ],
    groupings: {
      workload: both(
        { name: ['k8s_src_owner_name', 'src_name'], namespace: s.ns, zone: s.zone },
        { name: ['k8s_dst_owner_name', 'dst_name'], namespace: d.ns, zone: d.zone }
      ),
      namespace: both({ name: s.ns, zone: s.zone }, { name: d.ns, zone: d.zone }),
      pod: both(
        { name: ['k8s_src_name', 'src_name'], namespace: s.ns, zone: s.zone },
        { name: ['k8s_dst_name', 'dst_name'], namespace: d.ns, zone: d.zone }
      ),
      address: both({ name: ['src_address'], zone: s.zone }, { name: ['dst_address'], zone: d.zone }),
    },
  };
}

/** Hubble needs `labelsContext=source_namespace,source_workload,destination_namespace,destination_workload` (or sourceContext/destinationContext, which write `source`/`destination`). */
const hubble: PresetDef = {
  label: 'Cilium Hubble',
  description: 'hubble_flows_processed_total, hubble_drop_total, hubble_tcp_flags_total, hubble_http_requests_total',
  primary: 'flows',
  clusterLabel: DEFAULT_CLUSTER_LABEL,
  measures: [
    { measure: 'flows', kind: 'counter', metric: 'hubble_flows_processed_total' },
    { measure: 'drops', kind: 'counter', metric: 'hubble_drop_total' },
    { measure: 'resets', kind: 'counter', metric: 'hubble_tcp_flags_total', match: 'flag="RST"' },
    { measure: 'requests', kind: 'counter', metric: 'hubble_http_requests_total' },
    { measure: 'errors', kind: 'counter', metric: 'hubble_http_requests_total', match: 'status=~"5.."' },
    { measure: 'latencyP95', kind: 'histogram', metric: 'hubble_http_request_duration_seconds' },
  ],
  groupings: {
    workload: both(
      { name: ['source_workload', 'source_app', 'source'], namespace: ['source_namespace'] },
      { name: ['destination_workload', 'destination_app', 'destination'], namespace: ['destination_namespace'] }
    ),
    namespace: both({ name: ['source_namespace'] }, { name: ['destination_namespace'] }),
    pod: both(
      { name: ['source_pod'], namespace: ['source_namespace'] },
      { name: ['destination_pod'], namespace: ['destination_namespace'] }
    ),
    address: both({ name: ['source_ip'] }, { name: ['destination_ip'] }),
  },
};

/** Tempo metrics-generator / Alloy service graphs: `client`/`server`; the virtual client is `user`. */
const servicegraph: PresetDef = {
  label: 'OpenTelemetry / Tempo service graph',
  description: 'traces_service_graph_request_total, _failed_total, _request_server_seconds',
  primary: 'requests',
  clusterLabel: DEFAULT_CLUSTER_LABEL,
  measures: [
    { measure: 'requests', kind: 'counter', metric: 'traces_service_graph_request_total' },
    { measure: 'errors', kind: 'counter', metric: 'traces_service_graph_request_failed_total' },
    { measure: 'latencyP95', kind: 'histogram', metric: 'traces_service_graph_request_server_seconds' },
  ],
  groupings: {
    // Namespaces and clusters per end exist when the generator adds the k8s.namespace.name and
    // k8s.cluster.name dimensions with enable_client_server_prefix (Beyla's service graph adds both).
    workload: both(
      { name: ['client'], namespace: ['client_k8s_namespace_name'], cluster: ['client_k8s_cluster_name'] },
      { name: ['server'], namespace: ['server_k8s_namespace_name'], cluster: ['server_k8s_cluster_name'] }
    ),
    namespace: both(
      { name: ['client_k8s_namespace_name'], cluster: ['client_k8s_cluster_name'] },
      { name: ['server_k8s_namespace_name'], cluster: ['server_k8s_cluster_name'] }
    ),
  },
};

/** Istio standard metrics; the destination reporter counts each request once. */
const istio: PresetDef = {
  label: 'Istio',
  description: 'istio_requests_total, istio_request_duration_milliseconds, istio_tcp_sent/received_bytes_total',
  primary: 'requests',
  clusterLabel: DEFAULT_CLUSTER_LABEL,
  measures: [
    { measure: 'requests', kind: 'counter', metric: 'istio_requests_total', match: 'reporter="destination"' },
    {
      measure: 'errors',
      kind: 'counter',
      metric: 'istio_requests_total',
      match: 'reporter="destination",response_code=~"5.."',
    },
    {
      measure: 'latencyP95',
      kind: 'histogram',
      metric: 'istio_request_duration_milliseconds',
      match: 'reporter="destination"',
      scale: 0.001,
    },
    {
      measure: 'bytes',
      kind: 'counter',
      metric: '',
      match: '__name__=~"istio_tcp_(sent|received)_bytes_total",reporter="destination"',
    },
  ],
  groupings: {
    // source_cluster/destination_cluster are standard labels in multi-cluster meshes.
    workload: both(
      { name: ['source_workload'], namespace: ['source_workload_namespace'], cluster: ['source_cluster'] },
      {
        name: ['destination_workload'],
        namespace: ['destination_workload_namespace'],
        cluster: ['destination_cluster'],
      }
    ),
    namespace: both(
      { name: ['source_workload_namespace'], cluster: ['source_cluster'] },
      { name: ['destination_workload_namespace'], cluster: ['destination_cluster'] }
    ),
  },
};

/**
 * Caretta (groundcover-com/caretta pkg/caretta/caretta.go): the gauge `caretta_links_observed` holds
 * the bytes a link has sent since the agent started, labelled client_/server_ name, namespace, kind
 * and a `role`. Both ends of a link in the cluster report it (role 1 client, 2 server:
 * pkg/tracing ClientConnectionRole/ServerConnectionRole): the client's report counts each link once.
 */
const caretta: PresetDef = {
  label: 'Caretta',
  description: 'caretta_links_observed (bytes per client → server link)',
  primary: 'bytes',
  clusterLabel: DEFAULT_CLUSTER_LABEL,
  measures: [{ measure: 'bytes', kind: 'counter', metric: 'caretta_links_observed', match: 'role="1"' }],
  groupings: {
    workload: both(
      { name: ['client_name'], namespace: ['client_namespace'] },
      { name: ['server_name'], namespace: ['server_namespace'] }
    ),
    namespace: both({ name: ['client_namespace'] }, { name: ['server_namespace'] }),
  },
};

/**
 * coroot-node-agent (containers/metrics.go): per container, TCP counters by `destination` (the
 * address dialled) and `actual_destination` (after NAT, e.g. the pod behind a service IP). The source
 * is the container (`container_id` like /k8s/<namespace>/<pod>/<container>); the agent knows no
 * workload of the peer, so targets are addresses.
 */
const coroot: PresetDef = {
  label: 'coroot-node-agent',
  description: 'container_net_tcp_bytes_sent_total, _retransmits_total, _successful_connects_total',
  primary: 'bytes',
  clusterLabel: DEFAULT_CLUSTER_LABEL,
  measures: [
    { measure: 'bytes', kind: 'counter', metric: 'container_net_tcp_bytes_sent_total' },
    { measure: 'retransmits', kind: 'counter', metric: 'container_net_tcp_retransmits_total' },
    { measure: 'flows', kind: 'counter', metric: 'container_net_tcp_successful_connects_total' },
  ],
  groupings: {
    workload: both({ name: ['app_id', 'container_id'] }, { name: ['actual_destination', 'destination'] }),
    address: both({ name: ['container_id'] }, { name: ['destination'] }),
  },
};

/**
 * Microsoft Retina with its Hubble control plane serves Cilium's Hubble metrics (L3/L4: flows,
 * drops, TCP flags) with the same label contexts; it has no HTTP metrics.
 */
const retina: PresetDef = {
  ...hubble,
  label: 'Microsoft Retina (Hubble metrics)',
  description: 'hubble_flows_processed_total, hubble_drop_total, hubble_tcp_flags_total',
  measures: hubble.measures.filter((m) => m.measure === 'flows' || m.measure === 'drops' || m.measure === 'resets'),
};

export const PRESETS: Record<Exclude<FlowPreset, 'custom'>, PresetDef> = {
  beyla: ebpfPreset('beyla'),
  obi: ebpfPreset('obi'),
  hubble,
  servicegraph,
  istio,
  caretta,
  coroot,
  retina,
};

/** The grouping with the series' cluster label after each end's own cluster labels. */
export function withClusterLabel(g: Grouping, clusterLabel: string): Grouping {
  const add = (end: EndLabels): EndLabels => ({
    ...end,
    cluster: [...(end.cluster ?? []).filter((l) => l !== clusterLabel), clusterLabel],
  });
  return { source: add(g.source), target: add(g.target) };
}

/** Every label a grouping reads, for `sum by (...)`. */
export function groupingLabels(g: Grouping): string[] {
  const out = new Set<string>();
  for (const end of [g.source, g.target]) {
    for (const l of [...end.name, ...(end.namespace ?? []), ...(end.zone ?? []), ...(end.cluster ?? [])]) {
      out.add(l);
    }
  }
  return [...out];
}

/** The custom preset has no table entry: its query and end labels come from the query itself. */
export const CUSTOM_PRESET = {
  label: 'Custom PromQL',
  description: 'Any PromQL plus the names of its source and target labels',
};

/** Every preset as pickers show it, in FLOW_PRESETS order: a preset's label lives in its table entry only. */
export function presetOptions(): Array<{ value: FlowPreset; label: string; description: string }> {
  return FLOW_PRESETS.map((p) => {
    const { label, description } = p === 'custom' ? CUSTOM_PRESET : PRESETS[p];
    return { value: p, label, description };
  });
}
