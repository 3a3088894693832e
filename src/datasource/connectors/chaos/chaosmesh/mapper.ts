import { ChaosEvent, ChaosRun, ChaosStatus } from '../../../../model/chaos';
import { encodeSegment, safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { lookup, num, str, Untrusted } from '../../json';
import { CmArchive, CmEvent, CmExperiment, CmPayload, CmWorkflow } from './types';

/** Reasons that mean the fault went live, and those that mean it stopped (controllers/utils/recorder). */
const START = new Set(['Started', 'Applied']);
const END = new Set(['Recovered', 'TimeUp', 'Deleted', 'FinalizerRemoved']);
/** Events of these kinds describe orchestration, not a fault: they never make a run of their own. */
const NOT_A_RUN = new Set(['Schedule', 'Workflow', 'WorkflowNode', 'StatusCheck']);

const LIVE_STATUS: Record<string, ChaosStatus> = {
  injecting: 'running',
  running: 'running',
  paused: 'paused',
  finished: 'succeeded',
  deleting: 'aborted',
};
const WORKFLOW_STATUS: Record<string, ChaosStatus> = { running: 'running', finished: 'succeeded', failed: 'failed' };

/** An event with its fields read as the types the mapper needs. */
interface Parsed {
  id: number;
  time: number;
  reason: string | undefined;
  message: string | undefined;
  type: string | undefined;
  raw: Untrusted<CmEvent>;
}

/** What experiments, archives and events each say about the object they belong to. */
interface Meta {
  name?: string;
  kind?: string;
  namespace?: string;
  created_at?: unknown;
}

type Raw<T> = Array<Untrusted<T>>;
const meta = (x: Untrusted<CmArchive>): Meta => ({
  name: str(x.name),
  kind: str(x.kind),
  namespace: str(x.namespace),
  created_at: x.created_at,
});

/**
 * Turns the dashboard's events, live experiments, archives and workflows into one run per
 * experiment UID. Start and end come from the events, because archives carry no finish time and
 * live experiments only say whether they are running.
 */
export function mapChaosMesh(
  p: { [K in keyof CmPayload]: Raw<CmPayload[K][number]> },
  baseUrl: string | undefined
): ChaosRun[] {
  const byUid = groupEvents(p.events);
  const live = byUidOf(p.experiments);
  const archived = byUidOf(p.archives);
  const uids = new Set([...live.keys(), ...archived.keys(), ...byUid.keys()]);
  const runs: ChaosRun[] = [];
  for (const uid of uids) {
    const run = experimentRun(uid, byUid.get(uid) ?? [], live.get(uid), archived.get(uid), baseUrl);
    if (run) {
      runs.push(run);
    }
  }
  for (const w of p.workflows) {
    const run = workflowRun(w, byUid.get(str(w.uid) ?? '') ?? [], baseUrl);
    if (run) {
      runs.push(run);
    }
  }
  return runs;
}

function byUidOf<T extends CmArchive>(items: Raw<T>): Map<string, Untrusted<T>> {
  const out = new Map<string, Untrusted<T>>();
  for (const x of items) {
    const uid = str(x.uid);
    if (uid) {
      out.set(uid, x);
    }
  }
  return out;
}

function groupEvents(events: Raw<CmEvent>): Map<string, Parsed[]> {
  const seen = new Set<number>();
  const out = new Map<string, Parsed[]>();
  for (const e of events) {
    const time = parseTimestamp(e.created_at);
    const objectId = str(e.object_id);
    const id = num(e.id);
    // Paging by time returns the boundary event twice: the id says it is the same one.
    if (time === undefined || !objectId || (id !== undefined && seen.has(id))) {
      continue;
    }
    if (id !== undefined) {
      seen.add(id);
    }
    const list = out.get(objectId);
    const parsed = {
      id: id ?? 0,
      time,
      reason: str(e.reason),
      message: str(e.message),
      type: str(e.type),
      raw: e,
    };
    list ? list.push(parsed) : out.set(objectId, [parsed]);
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.time - b.time || a.id - b.id);
  }
  return out;
}

function experimentRun(
  uid: string,
  evs: Parsed[],
  exp: Untrusted<CmExperiment> | undefined,
  arc: Untrusted<CmArchive> | undefined,
  baseUrl?: string
): ChaosRun | undefined {
  const from = exp ?? arc ?? evs[0]?.raw;
  const about = from ? meta(from) : undefined;
  const kind = about?.kind ?? '';
  if (!about || NOT_A_RUN.has(kind)) {
    return undefined;
  }
  const firstStart = evs.find((x) => START.has(x.reason ?? ''));
  const start = firstStart?.time ?? parseTimestamp(about.created_at) ?? evs[0]?.time;
  if (start === undefined) {
    return undefined;
  }
  const lifecycle = evs.filter(
    (x) => START.has(x.reason ?? '') || END.has(x.reason ?? '') || x.reason === 'Paused' || x.reason === 'Failed'
  );
  const last = lifecycle[lifecycle.length - 1];
  const failed = evs.some((x) => x.reason === 'Failed') || Boolean(str(exp?.failed_message));
  const liveStatus = exp ? lookup(LIVE_STATUS, exp.status) : undefined;
  let end = last && !START.has(last.reason ?? '') ? last.time : undefined;
  if (liveStatus === 'running') {
    end = undefined;
  }
  // An end reported before the start (clock skew between controller replicas) is not believable.
  if (end !== undefined && end < start) {
    end = start;
  }
  const status = failed ? 'failed' : (liveStatus ?? archivedStatus(evs, end));
  if (status === 'failed' && end === undefined && liveStatus !== 'running') {
    // A run that failed to inject is not live until now: it ended when it failed.
    end = [...evs].reverse().find((x) => x.reason === 'Failed')?.time ?? start;
  }
  // The experiments list can leave out a live one (filtered, paged): with its last word an injection
  // and no archive, it is still open, and says it has no end event.
  const noEnd = !exp && !arc && end === undefined && status !== 'failed' && START.has(last?.reason ?? '');
  if (!exp && end === undefined && !noEnd) {
    // Archived (so over) without an end event: we only know it ended after its last event.
    end = Math.max(start, evs[evs.length - 1]?.time ?? start);
  }
  return {
    source: 'chaosmesh',
    id: uid,
    name: about.name ?? uid,
    kind: kind || 'unknown',
    namespace: about.namespace,
    targets: targetsOf(evs),
    start,
    end: status === 'running' || noEnd ? undefined : end,
    status: noEnd ? 'running' : status,
    url: link(
      baseUrl,
      exp ? `/experiments/${encodeSegment(uid)}` : `/archives/${encodeSegment(uid)}?kind=${encodeSegment(kind)}`
    ),
    labels: { archived: exp ? 'false' : 'true' },
    events: evs.map(toEvent),
    ...(noEnd ? { remarks: [NO_END] } : {}),
  };
}

export const NO_END = 'no end event: open until Chaos Mesh reports one';

function archivedStatus(evs: Parsed[], end: number | undefined): ChaosStatus {
  if (end === undefined) {
    return 'unknown';
  }
  const reasons = new Set(evs.map((x) => x.reason));
  if (reasons.has('TimeUp') || reasons.has('Recovered')) {
    return 'succeeded';
  }
  return reasons.has('Paused') && !reasons.has('Deleted') ? 'paused' : 'aborted';
}

function workflowRun(w: Untrusted<CmWorkflow>, evs: Parsed[], baseUrl?: string): ChaosRun | undefined {
  const start = parseTimestamp(w.created_at);
  const uid = str(w.uid);
  if (!uid || start === undefined) {
    return undefined;
  }
  const status = lookup(WORKFLOW_STATUS, w.status) ?? 'unknown';
  const end = status === 'running' ? undefined : (parseTimestamp(w.end_time) ?? parseTimestamp(w.finish_time));
  return {
    source: 'chaosmesh',
    id: uid,
    name: str(w.name) ?? uid,
    kind: 'Workflow',
    namespace: str(w.namespace),
    targets: [],
    start,
    end: end !== undefined && end < start ? start : end,
    status,
    url: link(baseUrl, `/workflows/${encodeSegment(uid)}`),
    labels: {},
    events: evs.map(toEvent),
  };
}

/** Applied/Recovered messages name each record: "Successfully apply chaos for shop/payments-7d9f…". */
function targetsOf(evs: Parsed[]): string[] {
  const out = new Set<string>();
  for (const x of evs) {
    if (x.reason === 'Applied' || x.reason === 'Recovered') {
      const m = /\bfor\s+(\S+)\s*$/.exec(x.message ?? '');
      if (m) {
        // namespace/name, without a container or anything else after a second slash
        const second = m[1].indexOf('/', m[1].indexOf('/') + 1);
        out.add(second > 0 ? m[1].slice(0, second) : m[1]);
      }
    }
  }
  return [...out];
}

function toEvent(x: Parsed): ChaosEvent {
  const level = x.type === 'Warning' ? (x.reason === 'Failed' ? 'error' : 'warning') : 'info';
  return { time: x.time, reason: x.reason ?? 'unknown', message: x.message, level };
}

function link(baseUrl: string | undefined, path: string): string | undefined {
  return baseUrl ? safeUrl(baseUrl.replace(/\/+$/, '') + path) : undefined;
}
