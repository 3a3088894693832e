// Cluster b's slice of the demo shop: the payments back office (catalogued in demo/backstage), and
// the one call that crosses clusters, cluster a's payments writing to cluster b's ledger. Served as
// the flow series cluster b's agents would report, in three vocabularies the data source reads:
// - Tempo/Beyla service graph with the `k8s.cluster.name` dimension and client/server prefixes
//   (grafana/tempo modules/generator/processor/servicegraphs: `client_`/`server_` + dimension),
// - Istio standard metrics of the destination's sidecar, naming each end's cluster
//   (`source_cluster`, `destination_cluster`) and counting bytes, so the crossing is priced,
// - Beyla network flows (one cluster per series: Beyla cannot tell the cluster of a remote peer,
//   so the crossing call is left out there).
const { Registry } = require('../services/metrics');

const CLUSTER = 'b';

/** Calls per second between cluster b's workloads, their failing share, and bytes per call. */
const CALLS = [
  { client: 'refunds', server: 'ledger', rps: 3, failShare: 0, bytesPerCall: 1500 },
  { client: 'fraud-check', server: 'ledger', rps: 2, failShare: 0, bytesPerCall: 800 },
  { client: 'ledger', server: 'audit-log', rps: 5, failShare: 0.04, bytesPerCall: 600 },
  { client: 'payments', clientCluster: 'a', server: 'ledger', rps: 2, failShare: 0.01, bytesPerCall: 20000 },
];

/** The exposition after `seconds` of steady traffic: counters grow at their call's rate. */
function exposition(seconds) {
  const r = new Registry();
  const counter = (name, help, labels, value) => r.set(name, help, labels, value, 'counter');
  for (const c of CALLS) {
    const from = c.clientCluster ?? CLUSTER;
    const calls = c.rps * seconds;
    const failed = calls * c.failShare;
    const graph = {
      client: c.client,
      server: c.server,
      client_k8s_cluster_name: from,
      server_k8s_cluster_name: CLUSTER,
    };
    counter('traces_service_graph_request_total', 'Requests between two services', graph, calls);
    counter('traces_service_graph_request_failed_total', 'Failed requests between two services', graph, failed);
    const mesh = {
      reporter: 'destination',
      source_workload: c.client,
      source_cluster: from,
      destination_workload: c.server,
      destination_cluster: CLUSTER,
    };
    const requests = 'Requests seen by the destination sidecar';
    counter('istio_requests_total', requests, { ...mesh, response_code: '200' }, calls - failed);
    counter('istio_requests_total', requests, { ...mesh, response_code: '503' }, failed);
    counter('istio_tcp_sent_bytes_total', 'Bytes sent by the destination', mesh, calls * c.bytesPerCall);
    if (!c.clientCluster) {
      counter(
        'beyla_network_flow_bytes_total',
        'Bytes between two workloads',
        { src_name: c.client, dst_name: c.server, transport: 'tcp', direction: 'egress' },
        calls * c.bytesPerCall
      );
    }
  }
  return r.text();
}

module.exports = { CLUSTER, CALLS, exposition };
