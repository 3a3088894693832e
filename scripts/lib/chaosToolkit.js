// Chaos Toolkit (PyPI) in a virtual environment inside the demo, made on first use from a pinned lock
// file: demo/chaos-toolkit/.venv. chaostoolkit 1.21 / chaostoolkit-lib 1.45 need Python >= 3.12; on
// a machine with only Python 3.11 (Debian 12) the last releases supporting it are installed instead.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { which } = require('./processes');

const dir = path.resolve(__dirname, '..', '..', 'demo', 'chaos-toolkit');
// Compose keeps it in its state volume instead, away from the host's checkout.
const venv = process.env.FAULTLINE_CHAOS_VENV || path.join(dir, '.venv');
const LOCKS = [
  { minor: 12, file: 'requirements.lock' },
  { minor: 11, file: 'requirements-py311.lock' },
];

/** Interpreters to try: what is on PATH first, then versioned names, pyenv's builds, Debian's. */
function candidates() {
  const pyenv = process.env.PYENV_ROOT || path.join(os.homedir(), '.pyenv');
  const builds = fs.existsSync(path.join(pyenv, 'versions'))
    ? fs
        .readdirSync(path.join(pyenv, 'versions'))
        .filter((v) => /^3\.\d+\.\d+$/.test(v))
        .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
        .map((v) => path.join(pyenv, 'versions', v, 'bin', 'python3'))
    : [];
  const onPath = ['python3', 'python3.13', 'python3.12', 'python3.11'].map(which).filter(Boolean);
  return [...new Set([...onPath, ...builds, '/usr/bin/python3'])].filter((p) => fs.existsSync(p));
}

/** `{minor}` of a Python 3 that can make virtual environments with pip, or undefined. */
function probe(python) {
  const res = spawnSync(python, ['-c', 'import sys, venv, ensurepip; print(sys.version_info[1])'], {
    encoding: 'utf8',
    timeout: 20000,
  });
  const minor = Number(res.stdout?.trim());
  return res.status === 0 && Number.isInteger(minor) ? { minor } : undefined;
}

/** The newest lock a usable interpreter supports, preferring the first interpreter that fits it. */
function choose() {
  const usable = candidates()
    .map((python) => ({ python, ...probe(python) }))
    .filter((c) => c.minor !== undefined);
  for (const lock of LOCKS) {
    const python = usable.find((c) => c.minor >= lock.minor)?.python;
    if (python) {
      return { python, lock: path.join(dir, lock.file) };
    }
  }
  return undefined;
}

/** Debian's python3 lacks venv/ensurepip until python3-venv is installed; as root, install it. */
function installDebianVenv() {
  if (process.getuid?.() === 0 && which('apt-get') && fs.existsSync('/usr/bin/python3')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'python3-venv'], { stdio: 'ignore', env });
  }
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function stampOf(venvDir) {
  try {
    return fs.readFileSync(path.join(venvDir, 'faultline-lock.sha256'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function exec(cmd, args, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        return resolve();
      }
      log?.(out);
      reject(
        new Error(
          `${path.basename(cmd)} ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${out.trim().split('\n').pop()}`
        )
      );
    });
  });
}

/** What `chaos run` needs: the venv's python (run as `python -m chaostoolkit`) and where our probes live. */
function toolkit() {
  const python = path.join(venv, 'bin', 'python');
  const res = spawnSync(
    python,
    ['-c', 'import chaostoolkit, chaoslib; print(chaostoolkit.__version__, chaoslib.__version__)'],
    {
      encoding: 'utf8',
    }
  );
  const [chaostoolkit, chaoslib] = (res.stdout ?? '').trim().split(' ');
  return { python, pythonPath: dir, versions: { chaostoolkit, chaoslib } };
}

/**
 * pip writes the venv's path into its scripts (`#!<venv>/bin/python`) and `activate`: after the
 * rename they would name the temporary folder, and `.venv/bin/chaos` would not start.
 */
function relocate(from, to) {
  const files = [
    path.join(to, 'pyvenv.cfg'),
    ...fs.readdirSync(path.join(to, 'bin')).map((f) => path.join(to, 'bin', f)),
  ];
  for (const file of files) {
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > 1 << 20) {
      continue;
    }
    const text = fs.readFileSync(file, 'latin1');
    if (text.includes(from)) {
      fs.writeFileSync(file, text.split(from).join(to), 'latin1');
    }
  }
}

/**
 * Makes demo/chaos-toolkit/.venv unless it is there for the current lock file. Resolves to
 * `{python, pythonPath, versions}` or `{missing: reason}`; never throws for a machine without Python.
 * The venv is built beside and renamed into place, so a run cut short leaves no half-made venv.
 */
async function ensureChaosToolkit({ log } = {}) {
  let choice = choose();
  if (!choice) {
    installDebianVenv();
    choice = choose();
  }
  if (!choice) {
    return { missing: 'no Python 3.11+ with venv and pip (Debian: apt-get install python3-venv)' };
  }
  const stamp = sha256(choice.lock);
  if (stampOf(venv) === stamp) {
    return toolkit();
  }
  const tmp = `${venv}.tmp-${process.pid}`;
  try {
    log?.(
      `installing Chaos Toolkit from ${path.basename(choice.lock)} with ${choice.python} (first run only, about a minute)`
    );
    fs.rmSync(tmp, { recursive: true, force: true });
    await exec(choice.python, ['-m', 'venv', tmp]);
    const pip = path.join(tmp, 'bin', 'python');
    await exec(pip, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '--no-deps', '-r', choice.lock]);
    fs.writeFileSync(path.join(tmp, 'faultline-lock.sha256'), stamp);
    if (stampOf(venv) !== stamp) {
      // Another process may have finished first; a venv for the right lock is as good as ours.
      fs.rmSync(venv, { recursive: true, force: true });
      fs.renameSync(tmp, venv);
      relocate(tmp, venv);
    }
    return toolkit();
  } catch (e) {
    return { missing: `Chaos Toolkit could not be installed: ${e.message}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { ensureChaosToolkit, chaosToolkitDir: dir };
