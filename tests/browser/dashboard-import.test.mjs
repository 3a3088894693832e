// How the preview stores dashboards, as Grafana does (no browser): the app's dashboards are imported
// as its Dashboards tab imports them (no inputs, so a dashboard with `__inputs` fails to import), and
// the example dashboards name their data sources only through data source variables.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { appDashboards, importDashboard } from '../../preview/server/dashboardImport.mjs';
import { readBuiltPlugins } from '../../preview/server/plugins.mjs';
import { ROOT } from './harness.mjs';

const withInput = {
  __inputs: [{ name: 'DS_FAULTLINE', type: 'datasource', pluginId: 'faultline-datasource' }],
  __requires: [{ type: 'datasource', id: 'faultline-datasource' }],
  uid: 'x',
  title: 'X',
  panels: [
    {
      id: 1,
      datasource: { type: 'faultline-datasource', uid: '${DS_FAULTLINE}' },
      title: '${DS_FAULTLINE} and ${service} ${unknown}',
    },
  ],
};

test('an input answers its ${NAME} in every string; other ${…} stay; __inputs and __requires are dropped', () => {
  const d = importDashboard(withInput, [
    { name: 'DS_FAULTLINE', type: 'datasource', pluginId: 'faultline-datasource', value: 'other-uid' },
  ]);
  assert.deepEqual(d.panels[0].datasource, { type: 'faultline-datasource', uid: 'other-uid' });
  assert.equal(d.panels[0].title, 'other-uid and ${service} ${unknown}');
  assert.equal('__inputs' in d, false);
  assert.equal('__requires' in d, false);
});

test('a wildcard input of the right type answers any name; one of another type does not', () => {
  assert.equal(
    importDashboard(withInput, [{ name: '*', type: 'datasource', value: 'Faultline' }]).panels[0].datasource.uid,
    'Faultline'
  );
  assert.throws(
    () => importDashboard(withInput, [{ name: '*', type: 'constant', value: 'x' }]),
    /DS_FAULTLINE missing/
  );
});

test("an app's Dashboards tab sends no inputs: a dashboard with __inputs fails with Grafana's message", () => {
  assert.throws(() => importDashboard(withInput, []), {
    message: 'Dashboard input variable: DS_FAULTLINE missing from import command',
  });
});

test('a dashboard with __inputs in an app is listed with its import error, not opened with ${DS_…} in it', () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'faultline-dist-'));
  try {
    mkdirSync(path.join(dist, 'dashboards'));
    writeFileSync(path.join(dist, 'dashboards', 'x.json'), JSON.stringify(withInput));
    const app = {
      id: 'faultline-app',
      type: 'app',
      baseUrl: 'public/plugins/faultline-app',
      includes: [{ type: 'dashboard', name: 'X', path: 'dashboards/x.json' }],
    };
    const [entry] = appDashboards([app], dist);
    assert.equal(entry.dashboard, undefined);
    assert.match(entry.error, /Dashboard input variable: DS_FAULTLINE missing from import command/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

/** Every data source reference of a dashboard: panels, targets, variables and annotations. */
function refs(node, out = []) {
  if (Array.isArray(node)) {
    node.forEach((n) => refs(n, out));
  } else if (node && typeof node === 'object') {
    if (node.datasource && typeof node.datasource === 'object') {
      out.push(node.datasource);
    }
    Object.values(node).forEach((n) => refs(n, out));
  }
  return out;
}

test("the app's dashboards import with no inputs and name their data sources only through variables", () => {
  const plugins = readBuiltPlugins(path.join(ROOT, 'dist'));
  const dashboards = appDashboards(plugins, path.join(ROOT, 'dist'));
  assert.equal(dashboards.length, 4);
  for (const d of dashboards) {
    assert.equal(d.error, undefined, d.error);
    const variables = new Map(
      (d.dashboard.templating?.list ?? []).filter((v) => v.type === 'datasource').map((v) => [`\${${v.name}}`, v.query])
    );
    for (const ref of refs(d.dashboard).filter((r) => r.type !== 'grafana')) {
      assert.equal(
        variables.get(ref.uid),
        ref.type,
        `${d.file}: ${JSON.stringify(ref)} names its data source by a variable of its type`
      );
    }
  }
});
