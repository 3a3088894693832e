import { ChaosEvent, ChaosRun, ChaosStatus, ChaosVerdict } from '../../../../model/chaos';
import { safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { arr, bool, lookup, num, obj, objs, str, strs, Untrusted } from '../../json';
import { CtkActivity, CtkJournal, CtkRunEntry, CtkSteadyState } from './types';

const STATUS: Record<string, ChaosStatus> = { completed: 'succeeded', failed: 'failed', aborted: 'aborted', interrupted: 'aborted' };
/** Tag prefixes that name what the experiment broke; the demo's chaos runner writes `service:<name>`. */
const TARGET_KEYS = new Set(['service', 'target']);

/**
 * Maps one journal. Convention for what Chaos Toolkit itself does not record: experiment tags
 * `service:<name>` (or `target:<name>`) name the targets, `kind:<fault>` and `namespace:<ns>` fill
 * those fields, and every other `key:value` or `key=value` tag becomes a label.
 */
export function mapJournal(j: Untrusted<CtkJournal>, id: string, url: string | undefined): ChaosRun | undefined {
  const start = parseTimestamp(j.start);
  if (start === undefined) {
    return undefined;
  }
  const experiment = obj(j.experiment);
  const { targets, labels } = readTags(strs(experiment?.tags));
  for (const key of ['service', 'target_service']) {
    const v = obj(experiment?.configuration)?.[key];
    if (typeof v === 'string' && v.trim()) {
      targets.add(v.trim());
    }
  }
  const hasEnd = parseTimestamp(j.end);
  const journalStatus = str(j.status);
  const duration = num(j.duration);
  const status: ChaosStatus = hasEnd === undefined && !journalStatus ? 'running' : lookup(STATUS, journalStatus) ?? 'unknown';
  let end = status === 'running' ? undefined : hasEnd ?? (duration !== undefined ? start + duration * 1000 : undefined);
  if (end !== undefined && (end < start || !Number.isFinite(end))) {
    end = start;
  }
  const firstAction = objs<CtkRunEntry>(j.run).map((e) => activity(e.activity)).find((a) => a.type === 'action')?.name;
  const kind = labels.kind ?? labels.fault ?? firstAction ?? 'experiment';
  const namespace = labels.namespace;
  delete labels.kind;
  delete labels.namespace;
  return {
    source: 'chaostoolkit',
    id,
    name: str(experiment?.title) ?? id,
    kind,
    namespace,
    targets: [...targets],
    start,
    end,
    status,
    verdict: verdictOf(j),
    url: url ? safeUrl(url) : undefined,
    labels,
    events: eventsOf(j),
  };
}

function readTags(tags: string[]): { targets: Set<string>; labels: Record<string, string> } {
  const targets = new Set<string>();
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    const m = /^([^:=]+)[:=](.+)$/.exec(tag.trim());
    if (!m) {
      labels[tag.trim()] = 'true';
      continue;
    }
    const key = m[1].trim();
    const value = m[2].trim();
    if (TARGET_KEYS.has(key)) {
      targets.add(value);
    } else {
      labels[key] = value;
    }
  }
  return { targets, labels };
}

/** The type and name of an activity, the only parts of it a run shows. */
function activity(raw: unknown): { type?: string; name?: string } {
  const a: Untrusted<CtkActivity> = obj(raw) ?? {};
  return { type: str(a.type), name: str(a.name) };
}

function verdictOf(j: Untrusted<CtkJournal>): ChaosVerdict | undefined {
  const ss = obj(j.steady_states);
  const before = bool(obj(ss?.before)?.steady_state_met);
  const after = bool(obj(ss?.after)?.steady_state_met);
  const deviated = bool(j.deviated);
  const status = str(j.status);
  if (deviated === true) {
    return { outcome: 'deviated', detail: after === false ? 'steady state not met after the method' : 'steady state deviated' };
  }
  if (before === false) {
    return { outcome: 'unknown', detail: 'steady state not met before the method; nothing was injected' };
  }
  if (after === true) {
    return { outcome: 'passed', detail: 'steady state met before and after' };
  }
  // chaoslib leaves `deviated` false when a signal stops the run before the check after the method:
  // that run proved nothing.
  if (status === 'interrupted' || status === 'aborted') {
    const why = interruptionReason(j);
    return { outcome: 'unknown', detail: `${status}${why ? ` (${why})` : ''} before the steady state was checked after the method` };
  }
  return deviated === false && status === 'completed' ? { outcome: 'passed' } : undefined;
}

/** chaostoolkit 1.21+ records the signal that stopped a run: `interruption: {kind, name, reason}`. */
function interruptionReason(j: Untrusted<CtkJournal>): string | undefined {
  return str(obj(j.interruption)?.reason);
}

function eventsOf(j: Untrusted<CtkJournal>): ChaosEvent[] {
  const ss = obj(j.steady_states);
  const out: ChaosEvent[] = [
    ...entries(ss?.before, 'steady state before'),
    ...objs<CtkRunEntry>(j.run).map((e) => entry(e, activity(e.activity).type ?? 'activity')),
    ...(arr(ss?.during) ?? []).flatMap((s) => entries(s, 'steady state during')),
    ...entries(ss?.after, 'steady state after'),
    ...objs<CtkRunEntry>(j.rollbacks).map((e) => entry(e, 'rollback')),
    interruptionEvent(j),
  ].filter((e): e is ChaosEvent => e !== undefined);
  return out.sort((a, b) => a.time - b.time);
}

function interruptionEvent(j: Untrusted<CtkJournal>): ChaosEvent | undefined {
  const why = interruptionReason(j);
  const time = parseTimestamp(j.end);
  return why && time !== undefined ? { time, reason: 'interrupted', message: why, level: 'warning' } : undefined;
}

function entries(raw: unknown, phase: string): Array<ChaosEvent | undefined> {
  const s: Untrusted<CtkSteadyState> | undefined = obj(raw);
  return objs<CtkRunEntry>(s?.probes).map((p) => entry(p, phase));
}

function entry(e: Untrusted<CtkRunEntry>, phase: string): ChaosEvent | undefined {
  const time = parseTimestamp(e.start);
  if (time === undefined) {
    return undefined;
  }
  const status = str(e.status);
  const failed = status === 'failed';
  const missed = e.tolerance_met === false;
  const detail = failed ? failure(e) : missed ? 'tolerance not met' : status ?? '';
  return {
    time,
    reason: `${phase}: ${activity(e.activity).name ?? 'unnamed'}`,
    message: detail || undefined,
    level: failed ? 'error' : missed ? 'warning' : 'info',
  };
}

/** "failed: <the exception's last line>", as chaoslib records a probe or action that raised. */
function failure(e: Untrusted<CtkRunEntry>): string {
  const last = strs(e.exception)
    .flatMap((part) => part.split('\n'))
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  return last ? `failed: ${last}` : 'failed';
}
