// How dashboards reach Grafana's database, reproduced so the preview opens what Grafana would open.
// An app's included dashboards are imported from its Dashboards tab, which posts `inputs: []`
// (public/app/features/plugins/admin/components/PluginDashboards.tsx; the dashboard updater re-imports
// them on upgrade with no inputs either: pkg/services/plugindashboards/service/dashboard_updater.go).
// Provisioned files are stored as they are, `${…}` untouched (pkg/services/provisioning/dashboards/file_reader.go).
import fs from 'node:fs';
import path from 'node:path';
import { APP_DIR_URL } from './plugins.mjs';

// pkg/services/dashboardimport/utils/dash_template_evaluator.go: `${…}`, shortest match.
const TEMPLATE_VAR = /\$\{.+?\}/g;

/**
 * Grafana's DashTemplateEvaluator: every `__inputs` entry needs an input of its type named like it
 * (or `*`), expression inputs are always `__expr__`; then `${NAME}` is replaced in every string and
 * unknown `${…}` are left alone. The import service drops `__inputs`, `__elements` and `__requires`
 * (pkg/services/dashboardimport/service/service.go).
 */
export function importDashboard(template, inputs = []) {
  const values = new Map();
  for (const def of template.__inputs ?? []) {
    const found = inputs.find((i) => i.type === def.type && (i.name === def.name || i.name === '*'));
    const value = def.pluginId === '__expr__' ? '__expr__' : found?.value;
    if (value === undefined) {
      throw new Error(`Dashboard input variable: ${def.name} missing from import command`);
    }
    values.set(`\${${def.name}}`, value);
  }
  const evaluate = (v) => {
    if (typeof v === 'string') {
      return v.replace(TEMPLATE_VAR, (m) => values.get(m) ?? m);
    }
    if (Array.isArray(v)) {
      return v.map(evaluate);
    }
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== '__inputs')
          .map(([k, x]) => [k, evaluate(x)])
      );
    }
    return v;
  };
  const { __elements, __requires, ...dashboard } = evaluate(template);
  return dashboard;
}

/** The dashboards an app's plugin.json includes, read from its dist/ folder and imported with no inputs. */
export function appDashboards(plugins, distDir) {
  return plugins
    .filter((p) => p.type === 'app')
    .flatMap((p) => (p.includes ?? []).filter((i) => i.type === 'dashboard').map((i) => ({ app: p, include: i })))
    .map(({ app, include }) => {
      const file = path.join(distDir, app.baseUrl.slice(APP_DIR_URL.length), include.path);
      const name = include.path;
      try {
        const dashboard = importDashboard(JSON.parse(fs.readFileSync(file, 'utf8')), []);
        return { file: name, uid: dashboard.uid ?? name, title: dashboard.title ?? include.name, dashboard };
      } catch (e) {
        return {
          file: name,
          uid: path.basename(name, '.json'),
          title: include.name,
          error: `${app.id} ${name}: ${e.message}`,
        };
      }
    });
}
