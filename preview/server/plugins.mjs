// The plugins of the built bundle, as Grafana's boot data describes them: every plugin.json under
// dist/, each served from /public/plugins/faultline-app/<its folder>/.
import fs from 'node:fs';
import path from 'node:path';

export const APP_DIR_URL = 'public/plugins/faultline-app';

function findPluginJsons(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.posix.join(rel, entry.name);
    if (entry.isDirectory() && entry.name !== 'img') {
      out.push(...findPluginJsons(dir, r));
    } else if (entry.name === 'plugin.json') {
      out.push(rel);
    }
  }
  return out;
}

/** @returns {Array<object>} plugin metas with `module` and `baseUrl` set as Grafana sets them */
export function readBuiltPlugins(distDir) {
  if (!fs.existsSync(path.join(distDir, 'plugin.json'))) {
    throw new Error(`${distDir}/plugin.json is missing: run \`npm run build\` first`);
  }
  return findPluginJsons(distDir).map((rel) => {
    const json = JSON.parse(fs.readFileSync(path.join(distDir, rel, 'plugin.json'), 'utf8'));
    const baseUrl = rel ? `${APP_DIR_URL}/${rel}` : APP_DIR_URL;
    const logos = Object.fromEntries(Object.entries(json.info?.logos ?? {}).map(([k, v]) => [k, `${baseUrl}/${v}`]));
    return { ...json, module: `${baseUrl}/module.js`, baseUrl, info: { ...json.info, logos } };
  });
}
