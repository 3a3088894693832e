// What the tests and the demo need beyond `npm ci`, installed on first use so that two commands
// (`npm ci && npm test`, `npm ci && npm run demo`) work on a fresh machine.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { which } = require('./processes');
const { ensureChaosToolkit } = require('./chaosToolkit');

const root = path.resolve(__dirname, '..', '..');

/** Debian packages by the command they provide. */
const DEBIAN = {
  chromium: 'chromium',
  prometheus: 'prometheus',
  promtool: 'prometheus',
  'victoria-metrics': 'victoria-metrics',
  bpftrace: 'bpftrace',
};

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return res.status === 0;
}

/** Installs missing Debian packages when running as root; returns the commands still missing. */
function ensureDebian(commands = Object.keys(DEBIAN)) {
  const missing = commands.filter((c) => !which(c));
  if (missing.length === 0) {
    return [];
  }
  const packages = [...new Set(missing.map((c) => DEBIAN[c]))];
  if (process.getuid?.() === 0 && which('apt-get')) {
    console.log(`Installing Debian packages: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  }
  return commands.filter((c) => !which(c));
}

/** `npm ci` in every demo/<name>/ that has its own lock file and no node_modules yet. */
function ensureDemoPackages() {
  const demo = path.join(root, 'demo');
  for (const name of fs.existsSync(demo) ? fs.readdirSync(demo) : []) {
    const dir = path.join(demo, name);
    if (fs.existsSync(path.join(dir, 'package-lock.json')) && !fs.existsSync(path.join(dir, 'node_modules'))) {
      console.log(`Installing the packages of demo/${name} (first run only)`);
      if (!run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir })) {
        throw new Error(`npm ci failed in demo/${name}`);
      }
    }
  }
}

/** Builds dist/ unless it is there already. */
function ensureBuild() {
  if (!fs.existsSync(path.join(root, 'dist', 'module.js'))) {
    console.log('Building dist/ (first run only)');
    if (!run('npm', ['run', 'build'])) {
      throw new Error('npm run build failed');
    }
  }
}

/** eBPF tracepoints need tracefs mounted; harmless when it is, or when we may not mount it. */
function ensureTracefs() {
  if (!fs.existsSync('/sys/kernel/tracing/events') && process.getuid?.() === 0) {
    spawnSync('mount', ['-t', 'tracefs', 'nodev', '/sys/kernel/tracing'], { stdio: 'ignore' });
  }
}

module.exports = { ensureDebian, ensureDemoPackages, ensureBuild, ensureTracefs, ensureChaosToolkit, root };
