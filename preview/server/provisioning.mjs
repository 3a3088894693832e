// Reads Grafana provisioning files the way Grafana does: every *.yaml in datasources/ and plugins/,
// with $VAR / ${VAR} expanded from the environment. Secrets stay in this process.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

function expandEnv(text, env) {
  return text.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a, b) => env[a ?? b] ?? '');
}

function readYamlDir(dir, env) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        return YAML.parse(expandEnv(fs.readFileSync(file, 'utf8'), env)) ?? {};
      } catch (e) {
        throw new Error(`${file} is not valid YAML: ${e.message}`);
      }
    });
}

/**
 * @returns {{ datasources: Array<{uid:string,name:string,type:string,url?:string,isDefault?:boolean,
 *   jsonData:Record<string,unknown>, secureJsonData:Record<string,string>}>, apps: Array<{type:string,jsonData?:object}> }}
 */
export function readProvisioning(dir, env = process.env) {
  const datasources = readYamlDir(path.join(dir, 'datasources'), env).flatMap((doc) => doc.datasources ?? []);
  datasources.forEach((ds, i) => {
    if (!ds.uid || !ds.type) {
      throw new Error(`data source #${i + 1} in ${dir}/datasources needs a uid and a type`);
    }
    ds.name ??= ds.uid;
    ds.jsonData ??= {};
    ds.secureJsonData ??= {};
  });
  const apps = readYamlDir(path.join(dir, 'plugins'), env).flatMap((doc) => doc.apps ?? []);
  return { datasources, apps };
}
