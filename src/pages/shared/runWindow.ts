import { DataFrame, FieldType } from '@grafana/data';
import { CustomTransformOperator } from '@grafana/scenes';
import { map } from 'rxjs';
import { FRAME_NAMES } from '../../model';

/** Margin around a run, so the flow map shows traffic just before and after the fault. */
const MARGIN_MS = 5 * 60_000;

/**
 * Adds `window_from` / `window_to` (epoch ms as text) to the experiments table: the time range a
 * "blast radius" link opens, so the flow map marks exactly the runs active around that one.
 * A still running run ends now.
 */
export function withRunWindow(frames: DataFrame[], now: number): DataFrame[] {
  return frames.map((frame) => {
    const start = frame.fields.find((f) => f.name === 'start');
    const duration = frame.fields.find((f) => f.name === 'duration');
    if (frame.name !== FRAME_NAMES.experiments || !start || !duration) {
      return frame;
    }
    const from: string[] = [];
    const to: string[] = [];
    for (let i = 0; i < frame.length; i++) {
      const s = Number(start.values[i]);
      const d = Number(duration.values[i]);
      from.push(String(s - MARGIN_MS));
      to.push(String(Math.min(now, (Number.isFinite(d) ? s + d : now) + MARGIN_MS)));
    }
    const hidden = { custom: { hideFrom: { viz: true, legend: false, tooltip: false } } };
    return {
      ...frame,
      fields: [
        ...frame.fields,
        { name: 'window_from', type: FieldType.string, values: from, config: hidden },
        { name: 'window_to', type: FieldType.string, values: to, config: hidden },
      ],
    };
  });
}

export const runWindow: CustomTransformOperator = () => (source) =>
  source.pipe(map((frames: DataFrame[]) => withRunWindow(frames, Date.now())));
