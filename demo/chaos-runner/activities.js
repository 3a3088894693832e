// Runs Chaos Toolkit activities for real and records them as journal run entries
// ({activity, output, start, end, duration, status, exception?}, like chaoslib).

/** chaoslib 1.44+ writes timezone-aware ISO timestamps with microseconds. */
function iso(ms = Date.now()) {
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}

/** An HTTP action: the answer becomes the output; a 4xx/5xx or no answer fails the activity. */
async function httpAction(provider, signal) {
  const hasBody = provider.arguments !== undefined;
  const res = await fetch(provider.url, {
    method: provider.method,
    headers: hasBody ? { 'content-type': 'application/json' } : {},
    body: hasBody ? JSON.stringify(provider.arguments) : undefined,
    signal: AbortSignal.any([AbortSignal.timeout(provider.timeout * 1000), ...(signal ? [signal] : [])]),
  });
  const text = await res.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const output = { status: res.status, headers: Object.fromEntries(res.headers), body };
  if (res.status >= 400) {
    throw Object.assign(new Error(`${provider.method} ${provider.url} answered ${res.status}`), { output });
  }
  return output;
}

/**
 * A sampling probe: `samples` requests, four at a time, as users would send them. Output is what
 * the tolerance reads: the share of 5xx/unanswered requests and the 95th percentile latency.
 */
async function sampleProbe(provider, signal) {
  const durations = [];
  let failed = 0;
  let next = 0;
  const one = async () => {
    while (next < provider.samples) {
      next += 1;
      const started = performance.now();
      try {
        const res = await fetch(provider.url, {
          headers: { 'x-faultline-client': 'chaos-probe' },
          signal: AbortSignal.timeout(provider.timeout * 1000),
        });
        await res.arrayBuffer();
        failed += res.status >= 500 ? 1 : 0;
      } catch {
        failed += 1;
      }
      durations.push((performance.now() - started) / 1000);
      if (signal?.aborted) {
        return;
      }
    }
  };
  await Promise.all([one(), one(), one(), one()]);
  durations.sort((a, b) => a - b);
  const p95 = durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)] ?? 0;
  return {
    samples: durations.length,
    failed,
    error_rate: durations.length ? failed / durations.length : 1,
    p95_seconds: Math.round(p95 * 1000) / 1000,
  };
}

function withinTolerance(tolerance, output) {
  if (!tolerance) {
    return undefined;
  }
  const value = output?.[tolerance.target];
  return typeof value === 'number' && value >= tolerance.range[0] && value <= tolerance.range[1];
}

/** Runs one activity and returns its journal entry; never throws. */
async function runActivity(activity, signal) {
  const start = Date.now();
  const entry = { activity, output: null, start: iso(start) };
  try {
    entry.output = activity.provider.samples
      ? await sampleProbe(activity.provider, signal)
      : await httpAction(activity.provider, signal);
    entry.status = 'succeeded';
  } catch (e) {
    entry.output = e.output ?? null;
    entry.status = 'failed';
    entry.exception = [`${e.name}: ${e.message}\n`];
  }
  const end = Date.now();
  entry.end = iso(end);
  entry.duration = (end - start) / 1000;
  return entry;
}

/** Runs a steady-state hypothesis: chaoslib's {steady_state_met, probes[... tolerance_met]}. */
async function checkSteadyState(hypothesis, signal) {
  const probes = [];
  for (const probe of hypothesis.probes) {
    const entry = await runActivity(probe, signal);
    entry.tolerance_met = entry.status === 'succeeded' && withinTolerance(probe.tolerance, entry.output) === true;
    probes.push(entry);
  }
  return { steady_state_met: probes.every((p) => p.tolerance_met), probes };
}

module.exports = { iso, runActivity, checkSteadyState, withinTolerance };
