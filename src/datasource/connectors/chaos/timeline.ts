import { createDataFrame, DataFrame, FieldType, MappingType } from '@grafana/data';
import { ChaosRun } from '../../../model/chaos';
import { FRAME_NAMES } from '../../../model/frames';
import { drawnEnd, Outcome, OUTCOME_COLOR, outcomeOf, pausedAt } from '../../../model/outcome';

/** A state timeline stays readable up to a few dozen rows; the most recent experiments are kept. */
export const MAX_TIMELINE_ROWS = 50;

const MAPPINGS = [
  {
    type: MappingType.ValueToText as const,
    options: Object.fromEntries(Object.entries(OUTCOME_COLOR).map(([k, color], index) => [k, { color, index }])),
  },
];

/**
 * A wide frame for the state-timeline panel: one time field and one row (field) per experiment
 * name, so repeated runs of one experiment line up. A value is the outcome of the run live at that
 * time (the latest-started one when runs overlap), `paused` while a Paused event holds, and null
 * when none is: null ends a state. Pending runs have not begun and take no time.
 */
export function timelineFrame(
  all: ChaosRun[],
  range: { from: number; to: number },
  now: number
): { frame: DataFrame; droppedRows: number } {
  const runs = all.filter((r) => r.status !== 'pending');
  const rows = new Map<string, ChaosRun[]>();
  for (const r of runs) {
    const list = rows.get(r.name);
    list ? list.push(r) : rows.set(r.name, [r]);
  }
  const latest = (list: ChaosRun[]) => Math.max(...list.map((r) => r.start));
  const kept = [...rows.entries()].sort((a, b) => latest(b[1]) - latest(a[1])).slice(0, MAX_TIMELINE_ROWS);
  kept.sort((a, b) => a[0].localeCompare(b[0]));
  const times = boundaries(
    kept.flatMap(([, list]) => list),
    range,
    now
  );
  const fields = kept.map(([name, list]) => ({
    name,
    type: FieldType.string,
    values: statesAt(times, list),
    config: { mappings: MAPPINGS, displayName: name },
  }));
  return {
    frame: createDataFrame({
      name: FRAME_NAMES.timeline,
      fields: [{ name: 'time', type: FieldType.time, values: times }, ...fields],
    }),
    droppedRows: rows.size - kept.length,
  };
}

function boundaries(runs: ChaosRun[], range: { from: number; to: number }, now: number): number[] {
  const set = new Set<number>([range.from, Math.min(range.to, Math.max(now, range.from))]);
  for (const r of runs) {
    set.add(Math.max(r.start, range.from));
    const end = Math.min(drawnEnd(r, range.to, now), range.to);
    set.add(end);
    for (const e of r.events) {
      // A pause and what resumes it start and end a `paused` state inside the run.
      if (
        e.time > Math.max(r.start, range.from) &&
        e.time < end &&
        (e.reason === 'Paused' || pausedAt(r, e.time - 1))
      ) {
        set.add(e.time);
      }
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** Sweeps the sorted times once, keeping the runs live at each time. */
function statesAt(times: number[], list: ChaosRun[]): Array<Outcome | null> {
  const runs = [...list].sort((a, b) => a.start - b.start);
  const live: ChaosRun[] = [];
  let next = 0;
  return times.map((t) => {
    while (next < runs.length && runs[next].start <= t) {
      live.push(runs[next++]);
    }
    for (let i = live.length - 1; i >= 0; i--) {
      const end = live[i].end;
      // Open runs stay live to the right edge; a finished run stops at its end.
      if (end !== undefined && Math.max(end, live[i].start) <= t) {
        live.splice(i, 1);
      }
    }
    const current = live[live.length - 1];
    return current ? (pausedAt(current, t) ? 'paused' : outcomeOf(current)) : null;
  });
}
