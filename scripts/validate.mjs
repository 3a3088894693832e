// `npm run validate`: packages dist/ as Grafana's plugin validator expects (a zip holding one folder
// named after the plugin id) and runs plugincheck2 (github.com/grafana/plugin-validator) on it with
// the repository as its source code. Prints every error and warning; exits 1 on any error.
// .ci/run builds the validator into .tools/bin; PLUGINCHECK2 names another binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VALIDATOR_VERSION = 'v0.45.6';
const BIN = process.env.PLUGINCHECK2 ?? path.join(ROOT, '.tools', 'bin', 'plugincheck2');

// Analyzers that ask the network (grafana.com, GitHub, Google Web Risk, OSV, an LLM) or need tools
// this repository does not install: what they report here says nothing about the plugin, so it is
// printed but counts neither as an error nor as a warning. Names as in pkg/analysis/passes.
export const NOT_COUNTED = {
  brokenlinks: 'follows every link in README and plugin.json over the network',
  circulardependencies: 'asks grafana.com for the published versions of dependencies',
  legacyplatform: 'downloads the Angular patterns from grafana.com',
  metadataschema: 'downloads plugin.schema.json from GitHub',
  metadatavalid: 'validates against the schema metadataschema downloads',
  provenance: 'asks GitHub for a build attestation of the archive',
  'published-plugin': 'asks grafana.com whether the plugin is published',
  safelinks: 'asks Google Web Risk about every link',
  signature: 'fetches the signing keys from grafana.com; the plugin is unsigned until it is published',
  'osv-scanner': 'needs the osv-scanner binary and its database',
  codediff: 'needs an LLM API key',
  llmreview: 'needs an LLM API key',
};

function pluginId() {
  return JSON.parse(readFileSync(path.join(ROOT, 'dist', 'plugin.json'), 'utf8')).id;
}

/** dist/ as <id>/ inside artifacts/validate/<id>.zip (Debian's zip, following the link). */
export function packageZip() {
  const id = pluginId();
  const dir = path.join(ROOT, 'artifacts', 'validate');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(ROOT, 'dist'), path.join(dir, id));
  const zip = path.join(dir, `${id}.zip`);
  const res = spawnSync('zip', ['-qr', zip, id], { cwd: dir, encoding: 'utf8' });
  if (res.status !== 0) {
    throw new Error(`zip failed: ${res.error?.message ?? res.stderr}`);
  }
  return zip;
}

/** The validator's JSON ({id, version, "plugin-validator": {analyzer: [diagnostic]}}) split by what counts. */
export function classify(report) {
  const out = { errors: [], warnings: [], notCounted: [] };
  for (const [analyzer, diags] of Object.entries(report['plugin-validator'] ?? {})) {
    for (const d of diags ?? []) {
      const line = { analyzer, ...d };
      if (NOT_COUNTED[analyzer] && d.Severity !== 'ok') {
        out.notCounted.push({ ...line, reason: NOT_COUNTED[analyzer] });
      } else if (d.Severity === 'error') {
        out.errors.push(line);
      } else if (d.Severity === 'warning' || d.Severity === 'suspected' || d.Severity === 'recommendation') {
        out.warnings.push(line);
      }
    }
  }
  return out;
}

function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'plugin.json'))) {
    console.error('dist/plugin.json is missing: run `npm run build` first.');
    return 1;
  }
  if (!existsSync(BIN)) {
    console.error(
      `plugincheck2 is not installed at ${BIN}. Build it with:\n` +
        `  GOBIN=${path.join(ROOT, '.tools', 'bin')} go install github.com/grafana/plugin-validator/pkg/cmd/plugincheck2@${VALIDATOR_VERSION}`
    );
    return 2;
  }
  const zip = packageZip();
  const res = spawnSync(BIN, ['-jsonOutput', '-sourceCodeUri', `file://${ROOT}`, zip], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(res.stdout);
  } catch {
    console.error(`plugincheck2 gave no JSON (exit ${res.status}):\n${res.stderr}${res.stdout}`);
    return 1;
  }
  const { errors, warnings, notCounted } = classify(report);
  const print = (label, list) =>
    list.forEach((d) =>
      console.log(
        `${label} [${d.analyzer}] ${d.Title}${d.Detail ? `: ${d.Detail}` : ''}${d.reason ? ` (not counted: ${d.reason})` : ''}`
      )
    );
  print('error', errors);
  print('warning', warnings);
  print('skipped', notCounted);
  console.log(
    `plugincheck2 ${VALIDATOR_VERSION} on ${path.relative(ROOT, zip)}: ${errors.length} errors, ${warnings.length} warnings, ${notCounted.length} not counted`
  );
  return errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
