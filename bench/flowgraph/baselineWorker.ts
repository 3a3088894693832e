/**
 * Baselines measured in a worker like ours: d3-force with the forces of Grafana's Node Graph
 * (link, forceX pulling right, collide; 300 ticks) and @msagl/core's layered (Sugiyama) layout as
 * Node Graph configures it (left to right, circles of radius 50).
 */
import { forceCollide, forceLink, forceSimulation, forceX, type SimulationNodeDatum } from 'd3-force';
import {
  CurveFactory,
  Edge,
  GeomEdge,
  GeomGraph,
  GeomNode,
  Graph,
  LayerDirectionEnum,
  layoutGeomGraph,
  Node,
  Point,
  SugiyamaLayoutSettings,
} from '@msagl/core';

interface Req {
  kind: 'd3' | 'msagl';
  n: number;
  sources: Int32Array;
  targets: Int32Array;
}

function d3Force({ n, sources, targets }: Req) {
  const nodes: SimulationNodeDatum[] = Array.from({ length: n }, (_, i) => ({
    x: (i % 50) * 200,
    y: Math.floor(i / 50) * 200,
  }));
  const links = Array.from(sources, (s, k) => ({ source: s, target: targets[k] }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links).distance(150).strength(0.5))
    .force('x', forceX(2000).strength(0.02))
    .force('collide', forceCollide(100))
    .stop();
  sim.tick(300);
}

function msagl({ n, sources, targets }: Req) {
  const g = new Graph();
  const nodes = Array.from({ length: n }, (_, i) => {
    const node = new Node(String(i));
    g.addNode(node);
    return node;
  });
  const geom = new GeomGraph(g);
  for (let k = 0; k < sources.length; k++) {
    new GeomEdge(new Edge(nodes[sources[k]], nodes[targets[k]]));
  }
  for (const node of nodes) {
    new GeomNode(node).boundaryCurve = CurveFactory.mkCircle(50, new Point(0, 0));
  }
  const settings = new SugiyamaLayoutSettings();
  settings.layerDirection = LayerDirectionEnum.LR;
  settings.LayerSeparation = 60;
  settings.commonSettings.NodeSeparation = 40;
  geom.layoutSettings = settings;
  layoutGeomGraph(geom);
}

self.onmessage = (ev: MessageEvent<Req>) => {
  const t0 = performance.now();
  (ev.data.kind === 'd3' ? d3Force : msagl)(ev.data);
  (self as unknown as Worker).postMessage({ ms: performance.now() - t0 });
};
