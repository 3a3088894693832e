import { ChaosEvent, ChaosRun, ChaosStatus, ChaosVerdict } from '../../../../model/chaos';
import { safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { CtkJournal, CtkRunEntry, CtkSteadyState } from './types';

const STATUS: Record<string, ChaosStatus> = { completed: 'succeeded', failed: 'failed', aborted: 'aborted', interrupted: 'aborted' };
/** Tag prefixes that name what the experiment broke; the demo's chaos runner writes `service:<name>`. */
const TARGET_KEYS = new Set(['service', 'target']);

/**
 * Maps one journal. Convention for what Chaos Toolkit itself does not record: experiment tags
 * `service:<name>` (or `target:<name>`) name the targets, `kind:<fault>` and `namespace:<ns>` fill
 * those fields, and every other `key:value` or `key=value` tag becomes a label.
 */
export function mapJournal(j: CtkJournal, id: string, url: string | undefined): ChaosRun | undefined {
  const start = parseTimestamp(j.start);
  if (start === undefined) {
    return undefined;
  }
  const { targets, labels } = readTags(j.experiment?.tags ?? []);
  for (const key of ['service', 'target_service']) {
    const v = j.experiment?.configuration?.[key];
    if (typeof v === 'string' && v.trim()) {
      targets.add(v.trim());
    }
  }
  const hasEnd = parseTimestamp(j.end);
  const status: ChaosStatus = hasEnd === undefined && !j.status ? 'running' : STATUS[j.status ?? ''] ?? 'unknown';
  let end = status === 'running' ? undefined : hasEnd ?? (typeof j.duration === 'number' ? start + j.duration * 1000 : undefined);
  if (end !== undefined && end < start) {
    end = start;
  }
  const firstAction = (j.run ?? []).find((e) => e.activity?.type === 'action')?.activity?.name;
  const kind = labels.kind ?? labels.fault ?? firstAction ?? 'experiment';
  const namespace = labels.namespace;
  delete labels.kind;
  delete labels.namespace;
  return {
    source: 'chaostoolkit',
    id,
    name: j.experiment?.title ?? id,
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

function readTags(tags: unknown[]): { targets: Set<string>; labels: Record<string, string> } {
  const targets = new Set<string>();
  const labels: Record<string, string> = {};
  for (const tag of tags) {
    if (typeof tag !== 'string') {
      continue;
    }
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

function verdictOf(j: CtkJournal): ChaosVerdict | undefined {
  const before = j.steady_states?.before?.steady_state_met;
  const after = j.steady_states?.after?.steady_state_met;
  if (j.deviated === true) {
    return { outcome: 'deviated', detail: after === false ? 'steady state not met after the method' : 'steady state deviated' };
  }
  if (before === false) {
    return { outcome: 'unknown', detail: 'steady state not met before the method; nothing was injected' };
  }
  if (j.deviated === false && after === true) {
    return { outcome: 'passed', detail: 'steady state met before and after' };
  }
  return j.deviated === false ? { outcome: 'passed' } : undefined;
}

function eventsOf(j: CtkJournal): ChaosEvent[] {
  const ss = j.steady_states;
  const out: ChaosEvent[] = [
    ...entries(ss?.before, 'steady state before'),
    ...(j.run ?? []).map((e) => entry(e, e.activity?.type ?? 'activity')),
    ...(ss?.during ?? []).flatMap((s) => entries(s, 'steady state during')),
    ...entries(ss?.after, 'steady state after'),
    ...(j.rollbacks ?? []).map((e) => entry(e, 'rollback')),
  ].filter((e): e is ChaosEvent => e !== undefined);
  return out.sort((a, b) => a.time - b.time);
}

function entries(s: CtkSteadyState | null | undefined, phase: string): Array<ChaosEvent | undefined> {
  return (s?.probes ?? []).map((p) => entry(p, phase));
}

function entry(e: CtkRunEntry, phase: string): ChaosEvent | undefined {
  const time = parseTimestamp(e.start);
  if (time === undefined) {
    return undefined;
  }
  const failed = e.status === 'failed';
  const missed = e.tolerance_met === false;
  const detail = failed ? 'failed' : missed ? 'tolerance not met' : e.status ?? '';
  return {
    time,
    reason: `${phase}: ${e.activity?.name ?? 'unnamed'}`,
    message: detail || undefined,
    level: failed ? 'error' : missed ? 'warning' : 'info',
  };
}
