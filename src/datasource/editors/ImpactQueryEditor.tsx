import React from 'react';
import type { EditorProps } from './types';
import { ChaosFilterEditor } from './ChaosQueryEditor';
import { presetEditing } from './PresetField';
import { TextFilter } from './TextFilter';
import { ImpactQuery } from '../types';

/** A whole number, or undefined (the default) for an empty or unreadable field; the range is the data source's to check. */
function wholeNumber(v: string): number | undefined {
  const n = Number(v.trim());
  return v.trim() === '' || !Number.isInteger(n) ? undefined : n;
}

/**
 * The run and windows of a measured impact. Hops and windows show only once a run is named where
 * naming one is optional (the flow map), as they change nothing without it.
 */
export function ImpactOptionsEditor({
  impact,
  onChange,
  runLabel = 'Run id',
  runTooltip = 'One run by id (e.g. $run); empty: the most recent runs of the range, up to 10',
  windowsOnlyWithRun = false,
}: {
  impact: ImpactQuery;
  onChange: (impact: ImpactQuery) => void;
  runLabel?: string;
  runTooltip?: string;
  windowsOnlyWithRun?: boolean;
}) {
  const set = (patch: Partial<ImpactQuery>) => onChange({ ...impact, ...patch });
  return (
    <>
      <TextFilter
        label={runLabel}
        placeholder="$run"
        tooltip={runTooltip}
        value={impact.runId}
        onCommit={(v) => set({ runId: v.trim() || undefined })}
      />
      {(!windowsOnlyWithRun || impact.runId) && (
        <>
          <TextFilter
            label="Hops"
            placeholder="2"
            tooltip="Flow hops around the targets to measure, callers and callees alike: 0 to 5"
            value={impact.hops !== undefined ? String(impact.hops) : ''}
            onCommit={(v) => set({ hops: wholeNumber(v) })}
          />
          <TextFilter
            label="Baseline"
            placeholder="as long as the run"
            tooltip="The window before the run each service is compared with, e.g. 10m"
            value={impact.baseline}
            onCommit={(v) => set({ baseline: v.trim() || undefined })}
          />
          <TextFilter
            label="Rate window"
            placeholder="1m"
            tooltip="Window of each rate: at least two scrapes of the store"
            value={impact.rateWindow}
            onCommit={(v) => set({ rateWindow: v.trim() || undefined })}
          />
        </>
      )}
    </>
  );
}

/** The impact query: which runs (the chaos filter or one run id), on which flows, over which windows. */
export function ImpactQueryEditor(props: EditorProps) {
  const { query } = props;
  const { commit, presetField } = presetEditing(props);
  return (
    <>
      {presetField}
      <ImpactOptionsEditor impact={query.impact ?? {}} onChange={(impact) => commit({ ...query, impact })} />
      <ChaosFilterEditor filter={query.chaos ?? {}} onChange={(chaos) => commit({ ...query, chaos })} />
    </>
  );
}
