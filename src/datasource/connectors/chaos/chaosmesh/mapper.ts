import { ChaosEvent, ChaosRun, ChaosStatus } from '../../../../model/chaos';
import { safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
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

interface Parsed {
  id: number;
  time: number;
  e: CmEvent;
}

/**
 * Turns the dashboard's events, live experiments, archives and workflows into one run per
 * experiment UID. Start and end come from the events, because archives carry no finish time and
 * live experiments only say whether they are running.
 */
export function mapChaosMesh(p: CmPayload, baseUrl: string | undefined): ChaosRun[] {
  const byUid = groupEvents(p.events);
  const live = new Map(p.experiments.filter((x) => x.uid).map((x) => [x.uid!, x]));
  const archived = new Map(p.archives.filter((x) => x.uid).map((x) => [x.uid!, x]));
  const uids = new Set([...live.keys(), ...archived.keys(), ...byUid.keys()]);
  const runs: ChaosRun[] = [];
  for (const uid of uids) {
    const run = experimentRun(uid, byUid.get(uid) ?? [], live.get(uid), archived.get(uid), baseUrl);
    if (run) {
      runs.push(run);
    }
  }
  for (const w of p.workflows) {
    const run = workflowRun(w, byUid.get(w.uid ?? '') ?? [], baseUrl);
    if (run) {
      runs.push(run);
    }
  }
  return runs;
}

function groupEvents(events: CmEvent[]): Map<string, Parsed[]> {
  const seen = new Set<number>();
  const out = new Map<string, Parsed[]>();
  for (const e of events) {
    const time = parseTimestamp(e.created_at);
    // Paging by time returns the boundary event twice: the id says it is the same one.
    if (time === undefined || !e.object_id || (typeof e.id === 'number' && seen.has(e.id))) {
      continue;
    }
    if (typeof e.id === 'number') {
      seen.add(e.id);
    }
    const list = out.get(e.object_id);
    const parsed = { id: e.id ?? 0, time, e };
    list ? list.push(parsed) : out.set(e.object_id, [parsed]);
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.time - b.time || a.id - b.id);
  }
  return out;
}

function experimentRun(uid: string, evs: Parsed[], exp: CmExperiment | undefined, arc: CmArchive | undefined, baseUrl?: string): ChaosRun | undefined {
  const meta = exp ?? arc ?? evs[0]?.e;
  const kind = meta?.kind ?? '';
  if (!meta || NOT_A_RUN.has(kind)) {
    return undefined;
  }
  const firstStart = evs.find((x) => START.has(x.e.reason ?? ''));
  const start = firstStart?.time ?? parseTimestamp(meta.created_at) ?? evs[0]?.time;
  if (start === undefined) {
    return undefined;
  }
  const lifecycle = evs.filter((x) => START.has(x.e.reason ?? '') || END.has(x.e.reason ?? '') || x.e.reason === 'Paused' || x.e.reason === 'Failed');
  const last = lifecycle[lifecycle.length - 1];
  const failed = evs.some((x) => x.e.reason === 'Failed') || Boolean(exp?.failed_message);
  const liveStatus = exp ? LIVE_STATUS[exp.status ?? ''] : undefined;
  let end = last && !START.has(last.e.reason ?? '') ? last.time : undefined;
  if (liveStatus === 'running') {
    end = undefined;
  }
  // An end reported before the start (clock skew between controller replicas) is not believable.
  if (end !== undefined && end < start) {
    end = start;
  }
  const status = failed ? 'failed' : liveStatus ?? archivedStatus(evs, end);
  if (status === 'failed' && end === undefined && liveStatus !== 'running') {
    // A run that failed to inject is not live until now: it ended when it failed.
    end = [...evs].reverse().find((x) => x.e.reason === 'Failed')?.time ?? start;
  }
  if (!exp && end === undefined) {
    // Not among the live experiments, so it is over; with no end event we only know it ended after its last event.
    end = Math.max(start, evs[evs.length - 1]?.time ?? start);
  }
  return {
    source: 'chaosmesh',
    id: uid,
    name: meta.name ?? uid,
    kind: kind || 'unknown',
    namespace: meta.namespace,
    targets: targetsOf(evs),
    start,
    end: status === 'running' ? undefined : end,
    status,
    url: link(baseUrl, exp ? `/experiments/${uid}` : `/archives/${uid}?kind=${encodeURIComponent(kind)}`),
    labels: { archived: exp ? 'false' : 'true' },
    events: evs.map(toEvent),
  };
}

function archivedStatus(evs: Parsed[], end: number | undefined): ChaosStatus {
  if (end === undefined) {
    return 'unknown';
  }
  const reasons = new Set(evs.map((x) => x.e.reason));
  if (reasons.has('TimeUp') || reasons.has('Recovered')) {
    return 'succeeded';
  }
  return reasons.has('Paused') && !reasons.has('Deleted') ? 'paused' : 'aborted';
}

function workflowRun(w: CmWorkflow, evs: Parsed[], baseUrl?: string): ChaosRun | undefined {
  const start = parseTimestamp(w.created_at);
  if (!w.uid || start === undefined) {
    return undefined;
  }
  const status = WORKFLOW_STATUS[w.status ?? ''] ?? 'unknown';
  const end = status === 'running' ? undefined : parseTimestamp(w.end_time) ?? parseTimestamp(w.finish_time);
  return {
    source: 'chaosmesh',
    id: w.uid,
    name: w.name ?? w.uid,
    kind: 'Workflow',
    namespace: w.namespace,
    targets: [],
    start,
    end: end !== undefined && end < start ? start : end,
    status,
    url: link(baseUrl, `/workflows/${w.uid}`),
    labels: {},
    events: evs.map(toEvent),
  };
}

/** Applied/Recovered messages name each record: "Successfully apply chaos for shop/payments-7d9f…". */
function targetsOf(evs: Parsed[]): string[] {
  const out = new Set<string>();
  for (const x of evs) {
    if (x.e.reason === 'Applied' || x.e.reason === 'Recovered') {
      const m = /\bfor\s+(\S+)\s*$/.exec(x.e.message ?? '');
      if (m) {
        out.add(m[1].split('/').slice(0, 2).join('/'));
      }
    }
  }
  return [...out];
}

function toEvent(x: Parsed): ChaosEvent {
  const level = x.e.type === 'Warning' ? (x.e.reason === 'Failed' ? 'error' : 'warning') : 'info';
  return { time: x.time, reason: x.e.reason ?? 'unknown', message: x.e.message, level };
}

function link(baseUrl: string | undefined, path: string): string | undefined {
  return baseUrl ? safeUrl(baseUrl.replace(/\/+$/, '') + path) : undefined;
}
