// Journals on disk (one <id>.json per run under <stateDir>/journals) and the index the Faultline
// data source reads. Bounded, so a demo left running for days does not fill the disk.
const fs = require('node:fs');
const path = require('node:path');
const { iso } = require('./activities');

const KEEP = 500;
const ID = /^[A-Za-z0-9_.-]+$/;

class JournalStore {
  constructor(dir) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
    this.closeAbandoned();
  }

  ids() {
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .map((f) => f.slice(0, -5))
      .sort();
  }

  /** "/journals/<id>.json" paths, oldest first. */
  index() {
    return this.ids().map((id) => `/journals/${id}.json`);
  }

  /** The journal text, or undefined for an unknown or malformed id. */
  read(id) {
    if (!ID.test(id)) {
      return undefined;
    }
    try {
      return fs.readFileSync(path.join(this.dir, `${id}.json`), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Written to a temporary file and renamed, so a reader never sees half a journal. */
  async write(id, journal) {
    const tmp = path.join(this.dir, `.${id}.tmp`);
    await fs.promises.writeFile(tmp, JSON.stringify(journal, null, 2));
    await fs.promises.rename(tmp, path.join(this.dir, `${id}.json`));
  }

  prune() {
    const ids = this.ids();
    for (const id of ids.slice(0, Math.max(0, ids.length - KEEP))) {
      fs.rmSync(path.join(this.dir, `${id}.json`), { force: true });
    }
  }

  /** A run cut off by a crash of an earlier runner stays open forever otherwise: close it as interrupted. */
  closeAbandoned() {
    for (const id of this.ids()) {
      const file = path.join(this.dir, `${id}.json`);
      try {
        const j = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (j.status === null || j.status === undefined) {
          const endMs = fs.statSync(file).mtimeMs;
          Object.assign(j, {
            status: 'interrupted',
            end: iso(endMs),
            duration: Math.max(0, (endMs - Date.parse(j.start)) / 1000),
          });
          fs.writeFileSync(file, JSON.stringify(j, null, 2));
        }
      } catch {
        // unreadable: served as it is, the data source reports it
      }
    }
  }
}

/** Sortable, readable run id: 20261126T203753Z-payments-errors. */
function runId(spec, ms = Date.now()) {
  const stamp = new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${spec.target}-${spec.fault}`;
}

module.exports = { JournalStore, runId };
