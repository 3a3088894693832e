import { ChaosRun, ChaosStatus } from '../../../../model/chaos';
import { encodeSegment, safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { lookup, obj, str, strListMap, strs, Untrusted } from '../../json';
import { GremlinTask } from './types';

const LIFECYCLE: Record<string, ChaosStatus> = { Active: 'running', Halting: 'running', Error: 'failed' };
const STAGE: Record<string, ChaosStatus> = {
  Successful: 'succeeded',
  UserHalted: 'aborted',
  ClientAborted: 'aborted',
  Halt: 'aborted',
  InvalidArgument: 'failed',
  TargetNotFound: 'failed',
  LostCommunication: 'failed',
  InitializationFailed: 'failed',
  TeardownFailed: 'failed',
  HaltFailed: 'failed',
  Failed: 'failed',
  Pending: 'running',
  Distributed: 'running',
  Initializing: 'running',
  Running: 'running',
  HaltDistributed: 'running',
  InterruptTriggered: 'running',
  RollbackTriggered: 'running',
  RollbackStarted: 'running',
  TearingDown: 'running',
};

export const GREMLIN_APP = 'https://app.gremlin.com';

/** The lifecycle says whether the attack is over; the stage says how it ended. */
export function gremlinStatus(t: Untrusted<GremlinTask>): ChaosStatus {
  const life = str(t.stageLifecycle) ?? '';
  const lifeStatus = lookup(LIFECYCLE, life);
  if (lifeStatus) {
    return lifeStatus;
  }
  const stage = lookup(STAGE, t.stage);
  if (life === 'Complete') {
    return stage && stage !== 'running' ? stage : 'succeeded';
  }
  return stage ?? 'unknown';
}

export function mapGremlinTask(t: Untrusted<GremlinTask>): ChaosRun | undefined {
  const start = parseTimestamp(t.startTime) ?? parseTimestamp(t.createdAt);
  const guid = str(t.guid);
  if (!guid || start === undefined) {
    return undefined;
  }
  const status = gremlinStatus(t);
  let end = status === 'running' ? undefined : (parseTimestamp(t.endTime) ?? parseTimestamp(t.updatedAt));
  if (end !== undefined && end < start) {
    end = start;
  }
  const infra = obj(t.infraCommand);
  const command = str(infra?.type) ?? str(infra?.commandType) ?? 'attack';
  // tags and labels are maps of one value, multiSelectTags and multiSelectLabels of lists (TaskResponse);
  // tags arrive with lists too. Every value counts.
  const values = mergeLists([t.tags, t.multiSelectTags, t.labels, t.multiSelectLabels].map(strListMap));
  const labels: Record<string, string> = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.join(',')]));
  const targetType = str(t.targetType);
  if (targetType) {
    labels.targetType = targetType;
  }
  const targets = [...strs(t.targets), ...Object.keys(obj(t.targetContainers) ?? {})];
  const error = str(t.displayErrorMessage);
  return {
    source: 'gremlin',
    id: guid,
    name: str(obj(t.annotations)?.name) ?? `${command} on ${targets.slice(0, 3).join(', ') || 'no target'}`,
    kind: command,
    namespace: values.namespace?.[0] ?? values['k8s-namespace']?.[0],
    targets: [...new Set([...targets, ...serviceTags(values)])],
    start,
    end,
    status,
    url: safeUrl(`${GREMLIN_APP}/attacks/${encodeSegment(guid)}`),
    labels,
    events: error ? [{ time: end ?? start, reason: str(t.stage) ?? 'Error', message: error, level: 'error' }] : [],
  };
}

/** Gremlin hosts are tagged by service (`service=payments`): those tags name what was attacked. */
function serviceTags(values: Record<string, string[]>): string[] {
  return ['service', 'app', 'service-name'].flatMap((k) => values[k] ?? []);
}

function mergeLists(maps: Array<Record<string, string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of maps) {
    for (const [k, v] of Object.entries(m)) {
      out[k] = [...new Set([...(out[k] ?? []), ...v])];
    }
  }
  return out;
}
