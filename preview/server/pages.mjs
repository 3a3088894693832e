// The HTML of the preview pages and the boot data Grafana inlines into its index.html: data source
// instance settings (never secureJsonData, only which secret fields are set), plugin metas, the user.
import { APP_DIR_URL } from './plugins.mjs';

const PROXY = '/api/datasources/proxy/uid';

export function instanceSettings(ds, plugins, index) {
  const meta = plugins.find((p) => p.id === ds.type) ?? { id: ds.type, type: 'datasource', name: ds.type, info: { logos: {} } };
  return {
    id: index + 1,
    uid: ds.uid,
    type: ds.type,
    name: ds.name,
    url: `${PROXY}/${ds.uid}`,
    access: 'proxy',
    isDefault: Boolean(ds.isDefault),
    readOnly: true,
    jsonData: ds.jsonData,
    secureJsonFields: Object.fromEntries(Object.keys(ds.secureJsonData).map((k) => [k, true])),
    meta: { ...meta, builtIn: false },
  };
}

export function bootData({ datasources, apps, plugins, role = 'Admin' }) {
  const settings = datasources.map((ds, i) => instanceSettings(ds, plugins, i));
  const defaultDs = settings.find((s) => s.isDefault) ?? settings[0];
  return {
    settings: {
      appUrl: '/',
      appSubUrl: '',
      defaultDatasource: defaultDs?.name ?? '',
      datasources: Object.fromEntries(settings.map((s) => [s.name, s])),
      panels: Object.fromEntries(plugins.filter((p) => p.type === 'panel').map((p) => [p.id, { ...p, sort: 100 }])),
      apps: Object.fromEntries(
        plugins
          .filter((p) => p.type === 'app')
          .map((p) => [p.id, { id: p.id, path: p.module, version: p.info?.version, preload: false, angular: {}, jsonData: apps.find((a) => a.type === p.id)?.jsonData ?? {} }])
      ),
      buildInfo: { version: '12.4.10', commit: 'preview', env: 'production', edition: 'Open Source' },
      featureToggles: {},
      minRefreshInterval: '5s',
    },
    user: { id: 1, login: 'preview', name: 'Preview', orgId: 1, orgRole: role, isSignedIn: true, theme: 'dark', timezone: 'utc', language: 'en-US' },
    navTree: [],
    assets: { dark: '', light: '' },
  };
}

const escapeScript = (json) => JSON.stringify(json).replace(/</g, '\\u003c');

export function pageHtml({ title, entry, boot, css = [] }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="/${APP_DIR_URL}/img/logo.svg">
${css.map((c) => `<link rel="stylesheet" href="/preview-build/${c}">`).join('\n')}
<script>
window.grafanaBootData = ${escapeScript(boot)};
window.__grafana_public_path__ = '/public/';
window.process = window.process || { env: { NODE_ENV: 'production' } };
</script>
<style>html,body{margin:0;background:#111217;color:#ccccdc;font-family:Inter,Helvetica,Arial,sans-serif;font-size:14px}</style>
</head>
<body>
<div id="root"></div>
<div id="panels" style="display:flex;flex-wrap:wrap"></div>
<script type="module" src="/preview-build/${entry}"></script>
</body>
</html>`;
}
