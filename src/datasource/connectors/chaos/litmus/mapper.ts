import { ChaosEvent, ChaosRun, ChaosStatus, ChaosVerdict } from '../../../../model/chaos';
import { safeUrl } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { LitmusChaosData, LitmusExecutionData, LitmusNode, LitmusRun } from './types';

const PHASE: Record<string, ChaosStatus> = {
  Running: 'running',
  Queued: 'running',
  Completed: 'succeeded',
  Completed_With_Error: 'failed',
  Error: 'failed',
  Timeout: 'failed',
  Stopped: 'aborted',
  Terminated: 'aborted',
  Skipped: 'aborted',
};

/** Maps one listExperimentRun element; undefined when it has neither an id nor any time. */
export function mapLitmusRun(r: LitmusRun, baseUrl: string | undefined): ChaosRun | undefined {
  const exec = decodeExecution(r.executionData);
  const nodes = Object.values(exec.nodes ?? {}).filter((n): n is LitmusNode => n !== null && typeof n === 'object');
  const status = PHASE[r.phase ?? ''] ?? 'unknown';
  const start = parseTimestamp(exec.startedAt) ?? parseTimestamp(r.createdAt);
  if (!r.experimentRunID || start === undefined) {
    return undefined;
  }
  let end = status === 'running' ? undefined : parseTimestamp(exec.finishedAt) ?? parseTimestamp(r.updatedAt);
  if (end !== undefined && end < start) {
    end = start;
  }
  const chaos = nodes.map((n) => n.chaosData).filter((c): c is LitmusChaosData => Boolean(c));
  const labels: Record<string, string> = {};
  if (r.infra?.name) {
    labels.infra = r.infra.name;
  }
  if (r.experimentType) {
    labels.type = r.experimentType;
  }
  const context = chaos.map((c) => c.engineContext ?? c.engine_context).find(Boolean);
  if (context) {
    labels.context = context;
  }
  return {
    source: 'litmus',
    id: r.experimentRunID,
    name: r.experimentName ?? r.experimentRunID,
    kind: chaos.map(faultName).find(Boolean) ?? 'LitmusExperiment',
    namespace: chaos.find((c) => c.namespace)?.namespace ?? exec.namespace ?? r.infra?.infraNamespace ?? undefined,
    targets: targetsOf(r.experimentManifest),
    start,
    end,
    status,
    verdict: verdictOf(r, chaos),
    url: baseUrl && r.experimentID ? safeUrl(`${baseUrl.replace(/\/+$/, '')}/experiments/${r.experimentID}/runs/${r.experimentRunID}`) : undefined,
    labels,
    events: nodes.flatMap(nodeEvents).sort((a, b) => a.time - b.time),
  };
}

/** executionData is JSON inside a GraphQL string; a run whose data is cut or empty still maps. */
function decodeExecution(text: string | undefined): LitmusExecutionData {
  if (!text) {
    return {};
  }
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as LitmusExecutionData) : {};
  } catch {
    return {};
  }
}

const faultName = (c: LitmusChaosData) => c.faultName ?? c.experimentName;
const verdictText = (c: LitmusChaosData) => c.faultVerdict ?? c.experimentVerdict;

function verdictOf(r: LitmusRun, chaos: LitmusChaosData[]): ChaosVerdict | undefined {
  const verdicts = chaos.map(verdictText).filter((v): v is string => Boolean(v));
  const score = typeof r.resiliencyScore === 'number' && Number.isFinite(r.resiliencyScore) ? r.resiliencyScore : undefined;
  const detail = score !== undefined ? `resiliency score ${Math.round(score)}%` : verdicts.length ? `fault verdicts: ${verdicts.join(', ')}` : undefined;
  if (verdicts.some((v) => /^fail/i.test(v)) || (r.faultsFailed ?? 0) > 0 || (score !== undefined && score < 100)) {
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
export function targetsOf(manifest: string | undefined): string[] {
  const out = new Set<string>();
  const re = /\\?["']?applabel\\?["']?\s*:\s*\\?["']?([^"'\\\n,}]+)/g;
  for (const m of (manifest ?? '').matchAll(re)) {
    const value = m[1].trim();
    out.add(value.includes('=') ? value.slice(value.indexOf('=') + 1) : value);
  }
  return [...out].filter((t) => t !== '');
}

function nodeEvents(n: LitmusNode): ChaosEvent[] {
  const out: ChaosEvent[] = [];
  const name = n.chaosData ? faultName(n.chaosData) ?? n.name : n.name;
  const start = parseTimestamp(n.startedAt);
  const end = parseTimestamp(n.finishedAt);
  if (start !== undefined && n.chaosData) {
    out.push({ time: start, reason: 'FaultStarted', message: name, level: 'info' });
  }
  if (end !== undefined && n.chaosData) {
    const verdict = verdictText(n.chaosData);
    const bad = /^fail/i.test(verdict ?? '') || /fail|error/i.test(n.phase ?? '');
    out.push({ time: end, reason: n.phase ?? 'Finished', message: `${name}${verdict ? `: verdict ${verdict}` : ''}`, level: bad ? 'error' : 'info' });
  }
  return out;
}
