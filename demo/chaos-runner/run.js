// Runs one experiment the way chaoslib does — steady state before, method, steady state after,
// rollbacks — and keeps its journal up to date after every step, so a run in progress is visible
// (no `end`, no `status`) and shows as an open region.
const os = require('node:os');
const { iso, runActivity, checkSteadyState } = require('./activities');

/** chaoslib's version this journal shape follows (timezone-aware timestamps). */
const CHAOSLIB_VERSION = '1.44.0';

function newJournal(experiment, startMs) {
  return {
    'chaoslib-version': CHAOSLIB_VERSION,
    platform: `${os.type()}-${os.release()}-${os.arch()}`,
    node: os.hostname(),
    experiment,
    start: iso(startMs),
    status: null,
    deviated: false,
    steady_states: { before: null, after: null, during: [] },
    run: [],
    rollbacks: [],
  };
}

function pause(seconds, signal) {
  return new Promise((resolve) => {
    if (!seconds || signal?.aborted) {
      return resolve();
    }
    const t = setTimeout(resolve, seconds * 1000);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * `save(journal)` is called after each step. `signal` aborts the run: the fault is rolled back and
 * the journal ends "interrupted", as chaoslib does on SIGINT.
 */
async function executeRun(experiment, save, signal) {
  const started = Date.now();
  const journal = newJournal(experiment, started);
  await save(journal);
  const hypothesis = experiment['steady-state-hypothesis'];

  journal.steady_states.before = await checkSteadyState(hypothesis, signal);
  await save(journal);
  if (!journal.steady_states.before.steady_state_met) {
    // chaoslib does not touch a system that is already outside its steady state.
    journal.status = 'failed';
  } else {
    for (const activity of experiment.method) {
      if (signal?.aborted) {
        break;
      }
      journal.run.push(await runActivity(activity, signal));
      await save(journal);
      await pause(activity.pauses?.after, signal);
    }
    if (!signal?.aborted) {
      journal.steady_states.after = await checkSteadyState(hypothesis, signal);
      journal.deviated = !journal.steady_states.after.steady_state_met;
    }
    for (const activity of experiment.rollbacks) {
      journal.rollbacks.push(await runActivity(activity));
    }
    journal.status = signal?.aborted ? 'interrupted' : journal.deviated ? 'failed' : 'completed';
  }
  const ended = Date.now();
  journal.end = iso(ended);
  journal.duration = (ended - started) / 1000;
  await save(journal);
  return journal;
}

module.exports = { executeRun, newJournal, CHAOSLIB_VERSION };
