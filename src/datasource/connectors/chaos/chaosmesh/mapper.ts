import { ChaosEvent, ChaosRun, ChaosStatus } from '../../../../model/chaos';
import { encodeSegment, safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { lookup, num, str, Untrusted } from '../../json';
import { CmArchive, CmEvent, CmExperiment, CmPayload, CmWorkflow } from './types';

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

/**
 * The events of one object, oldest first: indexes into the payload's list, with each event's time
 * and id read once. Indexes, not an object per event, because there can be hundreds of thousands.
 */
interface Timeline {
  order: number[];
  events: Raw<CmEvent>;
  times: Float64Array;
  ids: Float64Array;
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
  const base = baseUrl ? baseUrl.replace(/\/+$/, '') : undefined;
  const live = byUidOf(p.experiments);
  const archived = byUidOf(p.archives);
  const uids = new Set([...live.keys(), ...archived.keys(), ...byUid.keys()]);
  const runs: ChaosRun[] = [];
  for (const uid of uids) {
    const run = experimentRun(uid, byUid.get(uid) ?? NO_EVENTS, live.get(uid), archived.get(uid), base);
    if (run) {
      runs.push(run);
    }
  }
  for (const w of p.workflows) {
    const run = workflowRun(w, byUid.get(str(w.uid) ?? '') ?? NO_EVENTS, base);
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

function groupEvents(events: Raw<CmEvent>): Map<string, Timeline> {
  const times = new Float64Array(events.length);
  const ids = new Float64Array(events.length);
  const byObject = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const time = parseTimestamp(e.created_at);
    const objectId = str(e.object_id);
    if (time === undefined || !objectId) {
      continue;
    }
    times[i] = time;
    ids[i] = num(e.id) ?? NO_ID;
    const list = byObject.get(objectId);
    list ? list.push(i) : byObject.set(objectId, [i]);
  }
  const out = new Map<string, Timeline>();
  for (const [objectId, list] of byObject) {
    out.set(objectId, { order: inOrder(list, times, ids), events, times, ids });
  }
  return out;
}

const NO_EVENTS: Timeline = { order: [], events: [], times: new Float64Array(0), ids: new Float64Array(0) };

/** Stands for a missing id: no event is dropped as a repeat of an event without one. */
const NO_ID = -1;

/**
 * One object's events oldest first. The dashboard lists newest first, so the list is most often
 * reversed as is; paging by time returns the boundary event twice, and its id says it is the same one.
 */
function inOrder(list: number[], times: Float64Array, ids: Float64Array): number[] {
  const before = (a: number, b: number) => times[a] - times[b] || ids[a] - ids[b];
  let descending = true;
  for (let i = 1; i < list.length && descending; i++) {
    descending = before(list[i - 1], list[i]) > 0;
  }
  const sorted = descending ? list.reverse() : list.sort(before);
  let repeats = false;
  for (let i = 1; i < sorted.length && !repeats; i++) {
    repeats = ids[sorted[i]] !== NO_ID && ids[sorted[i]] === ids[sorted[i - 1]];
  }
  return repeats ? sorted.filter((x, i) => ids[x] === NO_ID || i === 0 || ids[sorted[i - 1]] !== ids[x]) : sorted;
}

/** What one object's events say about its run, read in one pass (there can be tens of thousands). */
interface Lifecycle {
  firstStart?: number;
  /** The time of the last start, end, pause or failure, and whether it was a start. */
  lastTime?: number;
  lastIsStart: boolean;
  lastFailed?: number;
  recovered: boolean;
  paused: boolean;
  deleted: boolean;
  targets: string[];
  events: ChaosEvent[];
}

/**
 * What each reason says, one lookup per event: the fault went live (Started, Applied), it stopped
 * (Recovered, TimeUp, Deleted, FinalizerRemoved), as Chaos Mesh's controllers/utils/recorder names them.
 */
const STARTS = 1;
const ENDS = 2;
const PAUSES = 4;
const FAILS = 8;
const RECOVERS = 16;
const DELETES = 32;
const NAMES_TARGET = 64;
const REASON_FLAGS = new Map<string, number>([
  ['Started', STARTS],
  ['Applied', STARTS | NAMES_TARGET],
  ['Recovered', ENDS | RECOVERS | NAMES_TARGET],
  ['TimeUp', ENDS | RECOVERS],
  ['Deleted', ENDS | DELETES],
  ['FinalizerRemoved', ENDS],
  ['Paused', PAUSES],
  ['Failed', FAILS],
]);

function lifecycleOf(t: Timeline): Lifecycle {
  const events: ChaosEvent[] = new Array(t.order.length);
  const targets = new Set<string>();
  let firstStart: number | undefined;
  let lastTime: number | undefined;
  let lastIsStart = false;
  let lastFailed: number | undefined;
  let seen = 0;
  for (let k = 0; k < t.order.length; k++) {
    const i = t.order[k];
    const e = t.events[i];
    const time = t.times[i];
    const reason = str(e.reason);
    const message = str(e.message);
    const flags = reason === undefined ? 0 : (REASON_FLAGS.get(reason) ?? 0);
    seen |= flags;
    if (flags & (STARTS | ENDS | PAUSES | FAILS)) {
      lastTime = time;
      lastIsStart = (flags & STARTS) !== 0;
      firstStart ??= lastIsStart ? time : undefined;
    }
    if (flags & FAILS) {
      lastFailed = time;
    }
    if (flags & NAMES_TARGET && message !== undefined) {
      addTarget(targets, message);
    }
    const level = str(e.type) === 'Warning' ? (flags & FAILS ? 'error' : 'warning') : 'info';
    events[k] = { time, reason: reason ?? 'unknown', message, level };
  }
  return {
    firstStart,
    lastTime,
    lastIsStart,
    lastFailed,
    recovered: (seen & RECOVERS) !== 0,
    paused: (seen & PAUSES) !== 0,
    deleted: (seen & DELETES) !== 0,
    targets: [...targets],
    events,
  };
}

function experimentRun(
  uid: string,
  t: Timeline,
  exp: Untrusted<CmExperiment> | undefined,
  arc: Untrusted<CmArchive> | undefined,
  base?: string
): ChaosRun | undefined {
  const first = t.order[0];
  const lastOne = t.order[t.order.length - 1];
  const from = exp ?? arc ?? t.events[first];
  const about = from ? meta(from) : undefined;
  const kind = about?.kind ?? '';
  if (!about || NOT_A_RUN.has(kind)) {
    return undefined;
  }
  const l = lifecycleOf(t);
  const start = l.firstStart ?? parseTimestamp(about.created_at) ?? (first === undefined ? undefined : t.times[first]);
  if (start === undefined) {
    return undefined;
  }
  const failed = l.lastFailed !== undefined || Boolean(str(exp?.failed_message));
  const liveStatus = exp ? lookup(LIVE_STATUS, exp.status) : undefined;
  let end = l.lastIsStart ? undefined : l.lastTime;
  if (liveStatus === 'running') {
    end = undefined;
  }
  // An end reported before the start (clock skew between controller replicas) is not believable.
  if (end !== undefined && end < start) {
    end = start;
  }
  const status = failed ? 'failed' : (liveStatus ?? archivedStatus(l, end));
  if (status === 'failed' && end === undefined && liveStatus !== 'running') {
    // A run that failed to inject is not live until now: it ended when it failed.
    end = l.lastFailed ?? start;
  }
  // The experiments list can leave out a live one (filtered, paged): with its last word an injection
  // and no archive, it is still open, and says it has no end event.
  const noEnd = !exp && !arc && end === undefined && status !== 'failed' && l.lastIsStart;
  if (!exp && end === undefined && !noEnd) {
    // Archived (so over) without an end event: we only know it ended after its last event.
    end = Math.max(start, lastOne === undefined ? start : t.times[lastOne]);
  }
  const run: ChaosRun = {
    source: 'chaosmesh',
    id: uid,
    name: about.name ?? uid,
    kind: kind || 'unknown',
    namespace: about.namespace,
    targets: l.targets,
    start,
    end: status === 'running' || noEnd ? undefined : end,
    status: noEnd ? 'running' : status,
    url: link(
      base,
      exp ? `/experiments/${encodeSegment(uid)}` : `/archives/${encodeSegment(uid)}?kind=${encodeSegment(kind)}`
    ),
    labels: { archived: exp ? 'false' : 'true' },
    events: l.events,
  };
  if (noEnd) {
    run.remarks = [NO_END];
  }
  return run;
}

export const NO_END = 'no end event: open until Chaos Mesh reports one';

function archivedStatus(l: Lifecycle, end: number | undefined): ChaosStatus {
  if (end === undefined) {
    return 'unknown';
  }
  if (l.recovered) {
    return 'succeeded';
  }
  return l.paused && !l.deleted ? 'paused' : 'aborted';
}

function workflowRun(w: Untrusted<CmWorkflow>, t: Timeline, base?: string): ChaosRun | undefined {
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
    url: link(base, `/workflows/${encodeSegment(uid)}`),
    labels: {},
    events: lifecycleOf(t).events,
  };
}

/**
 * Applied/Recovered messages name each record: "Successfully apply chaos for shop/payments-7d9f…".
 * The usual message (one space before its last word, nothing after it) is read without the regular
 * expression, which stays for the rest.
 */
function addTarget(targets: Set<string>, message: string): void {
  const space = message.lastIndexOf(' ');
  let target = space > 2 && plainWord(message, space + 1) ? message.slice(space + 1) : undefined;
  const plainFor = target && message.startsWith('for', space - 3) && !isWordChar(message.charCodeAt(space - 4));
  if (!plainFor) {
    target = /\bfor\s+(\S+)\s*$/.exec(message)?.[1];
  }
  if (target) {
    // namespace/name, without a container or anything else after a second slash
    const second = target.indexOf('/', target.indexOf('/') + 1);
    targets.add(second > 0 ? target.slice(0, second) : target);
  }
}

/** Whether `s` from `from` to its end is one or more printable ASCII characters other than space. */
function plainWord(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127) {
      return false;
    }
  }
  return from < s.length;
}

/** A character `\b` counts as part of a word (NaN, before the start, is not). */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

function link(base: string | undefined, path: string): string | undefined {
  return base === undefined ? undefined : safeUrl(base + path);
}
