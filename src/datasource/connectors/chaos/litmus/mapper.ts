import { ChaosEvent, ChaosRun, ChaosStatus, ChaosVerdict } from '../../../../model/chaos';
import { encodeSegment, safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { lookup, num, obj, str, Untrusted } from '../../json';
import { EngineApp, enginesOf, labelValue } from './engines';
import { LitmusChaosData, LitmusExecutionData, LitmusNode, LitmusRun } from './types';

/** The fault data of a node, read as text: the mapper compares and joins every field it uses. */
type ChaosData = { [K in keyof LitmusChaosData]?: string };

const PHASE: Record<string, ChaosStatus> = {
  Running: 'running',
  Queued: 'pending',
  Completed: 'succeeded',
  Completed_With_Error: 'failed',
  Error: 'failed',
  Timeout: 'failed',
  Stopped: 'aborted',
  Terminated: 'aborted',
  Skipped: 'aborted',
};

/** Maps a page of runs; `unreadable` names each run whose executionData is not JSON (it maps without node detail). */
export function mapLitmusRuns(
  runs: Array<Untrusted<LitmusRun>>,
  baseUrl: string | undefined
): { runs: ChaosRun[]; unreadable: string[] } {
  const out: ChaosRun[] = [];
  const unreadable: string[] = [];
  for (const r of runs) {
    const run = mapLitmusRun(r, baseUrl, () =>
      unreadable.push(`${str(r.experimentName) ?? 'run'} (${str(r.experimentRunID) ?? 'no id'})`)
    );
    if (run) {
      out.push(run);
    }
  }
  return { runs: out, unreadable };
}

/** Maps one listExperimentRun element; undefined when it has neither an id nor any time. */
export function mapLitmusRun(
  r: Untrusted<LitmusRun>,
  baseUrl: string | undefined,
  onUnreadable: () => void = () => undefined
): ChaosRun | undefined {
  const exec = decodeExecution(r.executionData, onUnreadable);
  const nodes = Object.values(obj(exec.nodes) ?? {})
    .map(obj)
    .filter((n): n is Untrusted<LitmusNode> => n !== undefined);
  const status = lookup(PHASE, r.phase) ?? 'unknown';
  const start = parseTimestamp(exec.startedAt) ?? parseTimestamp(r.createdAt);
  const id = str(r.experimentRunID);
  if (!id || start === undefined) {
    return undefined;
  }
  let end =
    status === 'running' || status === 'pending'
      ? undefined
      : (parseTimestamp(exec.finishedAt) ?? parseTimestamp(r.updatedAt));
  if (end !== undefined && end < start) {
    end = start;
  }
  const chaos = nodes.map((n) => chaosData(n.chaosData)).filter((c): c is ChaosData => c !== undefined);
  const infra = obj(r.infra);
  const labels: Record<string, string> = {};
  const infraName = str(infra?.name);
  if (infraName) {
    labels.infra = infraName;
  }
  const type = str(r.experimentType);
  if (type) {
    labels.type = type;
  }
  const experimentID = str(r.experimentID);
  const context = chaos.map((c) => c.engineContext ?? c.engine_context).find(Boolean);
  if (context) {
    labels.context = context;
  }
  return {
    source: 'litmus',
    id,
    name: str(r.experimentName) ?? id,
    kind: chaos.map(faultName).find(Boolean) ?? 'LitmusExperiment',
    namespace: chaos.find((c) => c.namespace)?.namespace ?? str(exec.namespace) ?? str(infra?.infraNamespace),
    targets: runTargets(nodes, r.experimentManifest),
    start,
    end,
    status,
    verdict: status === 'aborted' ? stoppedVerdict(r) : verdictOf(r, chaos),
    url:
      baseUrl && experimentID
        ? safeUrl(`${baseUrl.replace(/\/+$/, '')}/experiments/${encodeSegment(experimentID)}/runs/${encodeSegment(id)}`)
        : undefined,
    labels,
    events: nodes.flatMap(nodeEvents).sort((a, b) => a.time - b.time),
  };
}

/** executionData is JSON inside a GraphQL string; a run whose data is empty maps quietly, one whose data is cut says so. */
function decodeExecution(raw: unknown, onUnreadable: () => void): Untrusted<LitmusExecutionData> {
  const text = str(raw);
  if (!text) {
    return {};
  }
  try {
    const data = obj(JSON.parse(text));
    if (data) {
      return data;
    }
  } catch {
    // reported below
  }
  onUnreadable();
  return {};
}

/** Node chaos data as the subscriber and the server write it; the app keys are read in every spelling seen. */
const pick = (c: Untrusted<LitmusChaosData>, keys: Array<keyof LitmusChaosData>) =>
  keys.map((k) => str(c[k])).find(Boolean);

/**
 * What each fault node of the run targeted: the app label (and namespace) in its chaos data when a
 * Litmus component wrote them there, else the appinfo of the ChaosEngine of the manifest the node
 * ran (matched by template name or by engine name). Without any, the manifest's applabels.
 */
function runTargets(nodes: Array<Untrusted<LitmusNode>>, manifest: unknown): string[] {
  const engines = enginesOf(manifest);
  const out = new Set<string>();
  for (const n of nodes) {
    const c = obj(n.chaosData) as Untrusted<LitmusChaosData> | undefined;
    if (!c) {
      continue;
    }
    const engine = engineOf(engines, str(n.name), str(c.engineName));
    const label = labelValue(pick(c, ['appLabel', 'app_label', 'applabel'])) ?? engine?.label;
    const namespace = pick(c, ['appNamespace', 'app_namespace', 'appns']) ?? engine?.namespace;
    if (label) {
      out.add(namespace ? `${namespace}/${label}` : label);
    }
  }
  return out.size ? [...out] : targetsOf(manifest);
}

function engineOf(
  engines: EngineApp[],
  node: string | undefined,
  engineName: string | undefined
): EngineApp | undefined {
  return (
    engines.find((e) => engineName !== undefined && e.name !== undefined && engineName.startsWith(e.name)) ??
    engines.find((e) => node !== undefined && e.template === node) ??
    (engines.length === 1 ? engines[0] : undefined)
  );
}

/** A stopped or terminated run was cut short: its score measures the part that ran, not the hypothesis. */
function stoppedVerdict(r: Untrusted<LitmusRun>): ChaosVerdict {
  const score = num(r.resiliencyScore);
  return {
    outcome: 'unknown',
    detail: `stopped before the end${score !== undefined ? `; resiliency score ${Math.round(score)}% so far` : ''}`,
  };
}

function chaosData(raw: unknown): ChaosData | undefined {
  const c = obj(raw);
  return c ? Object.fromEntries(Object.entries(c).map(([k, v]) => [k, str(v)])) : undefined;
}

const faultName = (c: ChaosData) => c.faultName ?? c.experimentName;
const verdictText = (c: ChaosData) => c.faultVerdict ?? c.experimentVerdict;

function verdictOf(r: Untrusted<LitmusRun>, chaos: ChaosData[]): ChaosVerdict | undefined {
  const verdicts = chaos.map(verdictText).filter((v): v is string => Boolean(v));
  const score = num(r.resiliencyScore);
  const detail =
    score !== undefined
      ? `resiliency score ${Math.round(score)}%`
      : verdicts.length
        ? `fault verdicts: ${verdicts.join(', ')}`
        : undefined;
  if (
    verdicts.some((v) => /^fail/i.test(v)) ||
    (num(r.faultsFailed) ?? 0) > 0 ||
    (score !== undefined && score < 100)
  ) {
    return { outcome: 'deviated', detail };
  }
  if ((score !== undefined && score >= 100) || (verdicts.length > 0 && verdicts.every((v) => /^pass/i.test(v)))) {
    return { outcome: 'passed', detail };
  }
  return detail ? { outcome: 'unknown', detail } : undefined;
}

/**
 * The application under test is named by the ChaosEngine's appinfo (`applabel: app=payments`).
 * The manifest is YAML, or JSON with the engine's YAML escaped inside, so a pattern reads both.
 */
export function targetsOf(manifest: unknown): string[] {
  const out = new Set<string>();
  const re = /\\?["']?applabel\\?["']?\s*:\s*\\?["']?([^"'\\\n,}]+)/g;
  for (const m of (str(manifest) ?? '').matchAll(re)) {
    const value = m[1].trim();
    out.add(value.includes('=') ? value.slice(value.indexOf('=') + 1) : value);
  }
  return [...out].filter((t) => t !== '');
}

function nodeEvents(n: Untrusted<LitmusNode>): ChaosEvent[] {
  const out: ChaosEvent[] = [];
  const chaos = chaosData(n.chaosData);
  const phase = str(n.phase);
  const name = (chaos ? faultName(chaos) : undefined) ?? str(n.name);
  const start = parseTimestamp(n.startedAt);
  const end = parseTimestamp(n.finishedAt);
  if (start !== undefined && chaos) {
    out.push({ time: start, reason: 'FaultStarted', message: name, level: 'info' });
  }
  if (end !== undefined && chaos) {
    const verdict = verdictText(chaos);
    const bad = /^fail/i.test(verdict ?? '') || /fail|error/i.test(phase ?? '');
    out.push({
      time: end,
      reason: phase ?? 'Finished',
      message: `${name}${verdict ? `: verdict ${verdict}` : ''}`,
      level: bad ? 'error' : 'info',
    });
  }
  return out;
}
