// Journals on disk (one <id>.json per run under <stateDir>/journals, each as Chaos Toolkit wrote it)
// and the index the Faultline data source reads. Bounded, so a demo left running for days does not
// fill the disk.
const fs = require('node:fs');
const path = require('node:path');

const KEEP = 500;
const ID = /^[A-Za-z0-9_.-]+$/;

class JournalStore {
  constructor(dir) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
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

  /**
   * Moves the journal Chaos Toolkit wrote (in its run folder, once the run is over) into the index.
   * A rename on the same file system: a reader never sees half a journal.
   */
  adopt(id, journalFile) {
    fs.renameSync(journalFile, path.join(this.dir, `${id}.json`));
  }

  prune() {
    const ids = this.ids();
    for (const id of ids.slice(0, Math.max(0, ids.length - KEEP))) {
      fs.rmSync(path.join(this.dir, `${id}.json`), { force: true });
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
