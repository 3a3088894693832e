import { parse } from 'yaml';
import { arr, obj, str } from '../../json';

/** The application a ChaosEngine of a run's manifest targets (its `spec.appinfo`). */
export interface EngineApp {
  /** The Argo template holding the engine: Litmus names a run's node after it. */
  template?: string;
  /** `metadata.name`, or the `generateName` prefix of the engines it creates. */
  name?: string;
  namespace?: string;
  /** The value of the app label (`app=payments` → `payments`). */
  label?: string;
}

/** A workflow parameter; a value that stays a template after replacing them names nothing. */
const PARAM = /\{\{\s*workflow\.parameters\.([\w.-]+)\s*\}\}/g;

function readYaml(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The ChaosEngines of an experiment manifest: an Argo Workflow (or CronWorkflow), as JSON or YAML,
 * whose templates carry each engine as the raw data of an input artifact (ChaosCenter's
 * chaos_experiment mocks and the subscriber's CheckChaosData read them the same way). Workflow
 * parameters in the engine are replaced by the workflow's own arguments.
 */
export function enginesOf(manifest: unknown): EngineApp[] {
  const text = str(manifest);
  const wf = text ? obj(readYaml(text)) : undefined;
  const spec = obj(obj(wf?.spec)?.workflowSpec) ?? obj(wf?.spec);
  if (!spec) {
    return [];
  }
  const params = new Map<string, string>();
  for (const p of arr(obj(spec.arguments)?.parameters) ?? []) {
    const name = str(obj(p)?.name);
    const value = str(obj(p)?.value);
    if (name && value) {
      params.set(name, value);
    }
  }
  const resolve = (v: unknown) => {
    const s = str(v)?.replace(PARAM, (whole, name: string) => params.get(name) ?? whole);
    return s && !s.includes('{{') ? s : undefined;
  };
  const out: EngineApp[] = [];
  for (const t of arr(spec.templates) ?? []) {
    const template = str(obj(t)?.name);
    for (const a of arr(obj(obj(t)?.inputs)?.artifacts) ?? []) {
      const data = str(obj(obj(a)?.raw)?.data);
      const engine = data ? obj(readYaml(data)) : undefined;
      if (str(engine?.kind) !== 'ChaosEngine') {
        continue;
      }
      const meta = obj(engine?.metadata);
      const app = obj(obj(engine?.spec)?.appinfo);
      out.push({
        template,
        name: str(meta?.name) ?? str(meta?.generateName),
        namespace: resolve(app?.appns),
        label: labelValue(resolve(app?.applabel)),
      });
    }
  }
  return out;
}

/** `app=payments` → `payments`; of several labels (`app=a,tier=b`) the first names the app. */
export function labelValue(selector: string | undefined): string | undefined {
  const first = selector?.split(',')[0]?.trim();
  const value = first?.includes('=') ? first.slice(first.indexOf('=') + 1).trim() : first;
  return value || undefined;
}
