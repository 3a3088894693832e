/** Dashboard JSON template variables as scene variables, the way Grafana's dashboard loader maps them. */
import {
  ConstantVariable,
  CustomVariable,
  DataSourceVariable,
  IntervalVariable,
  QueryVariable,
  TextBoxVariable,
  type SceneVariable,
} from '@grafana/scenes';
import { VariableHide, VariableRefresh, VariableSort } from '@grafana/schema';

export interface VariableModel {
  type: string;
  name: string;
  label?: string;
  hide?: number;
  query?: unknown;
  datasource?: { uid?: string; type?: string } | null;
  current?: { value?: string | string[]; text?: string | string[] };
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  regex?: string;
  refresh?: number;
  sort?: number;
  definition?: string;
  options?: Array<{ value: string; text: string }>;
  auto?: boolean;
  auto_min?: string;
  auto_count?: number;
}

export function toSceneVariable(v: VariableModel): SceneVariable {
  const common = {
    name: v.name,
    label: v.label,
    hide: (v.hide ?? 0) as VariableHide,
    value: v.current?.value ?? '',
    text: v.current?.text ?? '',
  };
  const multi = { isMulti: Boolean(v.multi), includeAll: Boolean(v.includeAll), allValue: v.allValue || undefined };
  switch (v.type) {
    case 'query':
      return new QueryVariable({
        ...common,
        ...multi,
        datasource: v.datasource ?? null,
        query: v.query as string,
        regex: v.regex,
        refresh: (v.refresh ?? VariableRefresh.onDashboardLoad) as VariableRefresh,
        sort: (v.sort ?? 0) as VariableSort,
        definition: v.definition,
      });
    case 'custom':
      return new CustomVariable({ ...common, ...multi, query: String(v.query ?? '') });
    case 'constant':
      return new ConstantVariable({ ...common, value: String(v.query ?? '') });
    case 'textbox':
      return new TextBoxVariable({ ...common, value: String(v.current?.value ?? v.query ?? '') });
    case 'interval':
      return new IntervalVariable({
        ...common,
        value: String(v.current?.value ?? ''),
        intervals: String(v.query ?? '1m,10m,1h').split(',').map((s) => s.trim()),
        autoEnabled: Boolean(v.auto),
        autoMinInterval: v.auto_min,
        autoStepCount: v.auto_count,
      });
    case 'datasource':
      // As public/app/features/dashboard-scene/utils/variables.ts maps it: the saved value may name a
      // data source that does not exist here, and then scenes picks the first of the plugin's type.
      return new DataSourceVariable({
        ...common,
        ...multi,
        pluginId: String(v.query ?? ''),
        regex: v.regex,
        defaultOptionEnabled: v.current?.value === 'default' && v.current?.text === 'default',
      });
    default:
      throw new Error(`variable $${v.name}: type "${v.type}" is not supported by the preview`);
  }
}
