import type { DataFrame } from '@grafana/data';
import { CHAOS_STATUSES, ChaosRun } from '../../../src/model/chaos';
import { Ownership } from '../../../src/model/service';
import type { MapGraph as PanelGraph } from '../../../src/panels/flowgraph/graph/types';
import { isSafeHref } from '../../support/xss';

/** Thrown by a validator: never a FaultlineError, so the fuzz harness reports it as a failure. */
export class SchemaViolation extends Error {
  override name = 'SchemaViolation';
}

function fail(what: string): never {
  throw new SchemaViolation(what);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Every field of a frame has as many values as the frame has rows. */
export function checkFrameShape(frame: DataFrame): void {
  const length = frame.length ?? frame.fields[0]?.values.length ?? 0;
  for (const f of frame.fields) {
    if (typeof f.name !== 'string' || f.name === '') {
      fail(`frame ${frame.name}: a field without a name`);
    }
    if (f.values.length !== length) {
      fail(`frame ${frame.name}: field ${f.name} has ${f.values.length} values, the frame ${length} rows`);
    }
    if (f.type === 'number') {
      f.values.forEach(
        (v: unknown, i: number) =>
          v === null ||
          v === undefined ||
          isFiniteNumber(v) ||
          fail(`frame ${frame.name}: ${f.name}[${i}] = ${String(v)} is not a finite number`)
      );
    }
    if (f.type === 'string') {
      f.values.forEach(
        (v: unknown, i: number) =>
          v === null ||
          v === undefined ||
          typeof v === 'string' ||
          fail(`frame ${frame.name}: ${f.name}[${i}] is a ${typeof v}, not a string`)
      );
    }
  }
}

const values = (frame: DataFrame, name: string): unknown[] | undefined =>
  frame.fields.find((f) => f.name === name)?.values;

/** Grafana's node graph contract: unique string node ids, edges between existing nodes, arcs summing to 1. */
export function checkNodeGraphFrames(frames: DataFrame[]): void {
  const nodes = frames.find((f) => f.name === 'nodes') ?? fail('no nodes frame');
  const edges = frames.find((f) => f.name === 'edges') ?? fail('no edges frame');
  [nodes, edges].forEach(checkFrameShape);
  const ids = values(nodes, 'id') ?? fail('nodes frame without id');
  const idSet = new Set<unknown>();
  ids.forEach((id) => {
    if (typeof id !== 'string' || id === '') {
      fail(`node id ${JSON.stringify(id)} is not a non-empty string`);
    }
    if (idSet.has(id)) {
      fail(`duplicate node id ${id}`);
    }
    idSet.add(id);
  });
  const arcs = nodes.fields.filter((f) => f.name.startsWith('arc__'));
  for (let i = 0; i < ids.length && arcs.length; i++) {
    const sum = arcs.reduce((s, f) => s + (f.values[i] as number), 0);
    arcs.forEach(
      (f) =>
        ((f.values[i] as number) >= 0 && (f.values[i] as number) <= 1) ||
        fail(`${f.name}[${i}] = ${f.values[i]} outside [0, 1]`)
    );
    if (Math.abs(sum - 1) > 1e-6 && sum !== 0) {
      fail(`arcs of node ${String(ids[i])} sum to ${sum}`);
    }
  }
  const edgeIds = new Set<unknown>();
  const src = values(edges, 'source') ?? fail('edges frame without source');
  const dst = values(edges, 'target') ?? fail('edges frame without target');
  (values(edges, 'id') ?? fail('edges frame without id')).forEach((id, i) => {
    if (typeof id !== 'string' || edgeIds.has(id)) {
      fail(`edge id ${JSON.stringify(id)} is not a unique string`);
    }
    edgeIds.add(id);
    if (!idSet.has(src[i]) || !idSet.has(dst[i])) {
      fail(`edge ${id} joins ${String(src[i])} and ${String(dst[i])}, not both in the nodes frame`);
    }
  });
  const thickness = values(edges, 'thickness') ?? [];
  thickness.forEach((t, i) => (isFiniteNumber(t) && t > 0) || fail(`thickness[${i}] = ${String(t)}`));
}

/** A normalized chaos run, as every chaos mapper must produce it. */
export function checkRun(r: ChaosRun): void {
  const where = `run ${JSON.stringify(r.id)}`;
  typeof r.id === 'string' && r.id !== '' ? undefined : fail(`${where}: id is not a non-empty string`);
  typeof r.name === 'string' || fail(`${where}: name is a ${typeof r.name}`);
  typeof r.kind === 'string' || fail(`${where}: kind is a ${typeof r.kind}`);
  r.namespace === undefined ||
    typeof r.namespace === 'string' ||
    fail(`${where}: namespace is a ${typeof r.namespace}`);
  (CHAOS_STATUSES as readonly string[]).includes(r.status) || fail(`${where}: status ${String(r.status)}`);
  (isFiniteNumber(r.start) && r.start > 0) || fail(`${where}: start ${String(r.start)}`);
  r.end === undefined ||
    (isFiniteNumber(r.end) && r.end >= r.start) ||
    fail(`${where}: end ${String(r.end)} before start ${r.start}`);
  (Array.isArray(r.targets) && r.targets.every((t) => typeof t === 'string')) ||
    fail(`${where}: targets ${JSON.stringify(r.targets)}`);
  Object.entries(r.labels ?? fail(`${where}: no labels`)).forEach(
    ([k, v]) => typeof v === 'string' || fail(`${where}: label ${k} is a ${typeof v}`)
  );
  r.url === undefined || isSafeHref(r.url) || fail(`${where}: unsafe url ${r.url}`);
  r.verdict === undefined ||
    ['passed', 'deviated', 'unknown'].includes(r.verdict.outcome) ||
    fail(`${where}: verdict ${JSON.stringify(r.verdict)}`);
  r.events.forEach(
    (e) => (isFiniteNumber(e.time) && typeof e.reason === 'string') || fail(`${where}: event ${JSON.stringify(e)}`)
  );
}

/** Annotation regions: time <= timeEnd, both finite; the text is escaped markup (checked separately in jsdom). */
export function checkAnnotationFrame(frame: DataFrame): void {
  checkFrameShape(frame);
  const time = values(frame, 'time') ?? fail('annotations without time');
  const timeEnd = values(frame, 'timeEnd') ?? fail('annotations without timeEnd');
  time.forEach((t, i) => {
    const end = timeEnd[i];
    (isFiniteNumber(t) && isFiniteNumber(end) && t <= end) ||
      fail(`region ${i}: time ${String(t)} > timeEnd ${String(end)}`);
  });
}

/** Ownership as every catalog connector reports it: strings where strings belong, only safe links. */
export function checkOwnership(o: Ownership): void {
  const where = `service ${JSON.stringify(o.ref)}`;
  for (const k of ['ref', 'service', 'source'] as const) {
    typeof o[k] === 'string' || fail(`${where}: ${k} is a ${typeof o[k]}`);
  }
  for (const k of [
    'namespace',
    'title',
    'description',
    'owner',
    'ownerRef',
    'team',
    'tier',
    'lifecycle',
    'system',
  ] as const) {
    o[k] === undefined || typeof o[k] === 'string' || fail(`${where}: ${k} is a ${typeof o[k]}`);
  }
  const links = [...o.links, o.onCall, o.repo, o.runbook, o.docs, o.chat].filter((l) => l !== undefined);
  // Catalog links carry the URL as written (empty: shown as text); the panel decides what becomes an
  // href through safeUrl, and the component tests check that nothing unsafe does.
  links.forEach(
    (l) => (typeof l!.title === 'string' && typeof l!.url === 'string') || fail(`${where}: link ${JSON.stringify(l)}`)
  );
  o.tags.forEach((t) => typeof t === 'string' || fail(`${where}: tag ${JSON.stringify(t)}`));
  o.contacts.forEach(
    (c) => (typeof c.name === 'string' && typeof c.value === 'string') || fail(`${where}: contact ${JSON.stringify(c)}`)
  );
  o.missing.forEach((m) => typeof m.hint === 'string' || fail(`${where}: missing ${JSON.stringify(m)}`));
}

/** The flow graph panel's own graph: edges point at existing nodes, the index matches, weights finite. */
export function checkPanelGraph(g: PanelGraph): void {
  g.nodes.forEach((n, i) => {
    typeof n.id === 'string' || fail(`node ${i}: id is a ${typeof n.id}`);
    typeof n.title === 'string' || fail(`node ${i}: title is a ${typeof n.title}`);
    g.index.get(n.id) === i || fail(`node ${n.id}: index says ${g.index.get(n.id)}, not ${i}`);
  });
  g.edges.forEach((e) => {
    (Number.isInteger(e.source) && e.source >= 0 && e.source < g.nodes.length) ||
      fail(`edge ${e.id}: source ${e.source}`);
    (Number.isInteger(e.target) && e.target >= 0 && e.target < g.nodes.length) ||
      fail(`edge ${e.id}: target ${e.target}`);
    // Negative weights (a negative mainstat) are clamped where widths are drawn; NaN would not be.
    isFiniteNumber(e.weight) || fail(`edge ${e.id}: weight ${e.weight}`);
    e.thickness === undefined || isFiniteNumber(e.thickness) || fail(`edge ${e.id}: thickness ${e.thickness}`);
  });
}
