import React from 'react';
import { Combobox, InlineField, InlineSwitch } from '@grafana/ui';
import type { EditorProps } from './types';
import { DEFAULT_FLOW_QUERY, FLOW_GROUPINGS, FlowQuery } from '../types';
import { ImpactOptionsEditor } from './ImpactQueryEditor';
import { presetEditing } from './PresetField';
import { TextFilter } from './TextFilter';

const GROUPING_OPTIONS = FLOW_GROUPINGS.map((g) => ({ value: g, label: g }));

export function FlowQueryEditor(props: EditorProps) {
  const { query } = props;
  const { commit, presetField } = presetEditing(props);
  const flows = { ...DEFAULT_FLOW_QUERY, ...query.flows };
  const set = (patch: Partial<FlowQuery>) => commit({ ...query, flows: { ...flows, ...patch } });
  return (
    <>
      {presetField}
      <InlineField
        label="Group by"
        labelWidth={16}
        tooltip="Presets without labels for a level fall back to workload and say so"
      >
        <Combobox
          width={40}
          options={GROUPING_OPTIONS}
          value={flows.grouping}
          onChange={(v) => set({ grouping: v.value })}
        />
      </InlineField>
      {flows.preset !== 'custom' && (
        <TextFilter
          label="Matchers"
          placeholder='k8s_src_namespace="$namespace"'
          tooltip="Label matchers added to every preset query"
          value={flows.matchers}
          onCommit={(v) => set({ matchers: v })}
        />
      )}
      {flows.preset === 'custom' && (
        <>
          <TextFilter
            label="PromQL"
            placeholder="sum by (src, dst) (rate(my_bytes_total[$__rate_interval]))"
            tooltip="One value per edge, per second; $__rate_interval and $__range are filled in"
            value={flows.customQuery}
            onCommit={(v) => set({ customQuery: v })}
          />
          <TextFilter label="Source label" value={flows.sourceLabel} onCommit={(v) => set({ sourceLabel: v })} />
          <TextFilter label="Target label" value={flows.targetLabel} onCommit={(v) => set({ targetLabel: v })} />
        </>
      )}
      <TextFilter
        label="Compare with"
        placeholder="1h, 1d (empty: no diff)"
        tooltip="Mark new, vanished and changed edges against the range this long ago"
        value={flows.compareWith}
        onCommit={(v) => set({ compareWith: v })}
      />
      {flows.compareWith && (
        <TextFilter
          label="Change above"
          placeholder="0.5 (= 50 %)"
          tooltip="Relative change of an edge's main rate that counts as changed"
          value={flows.diffThreshold !== undefined ? String(flows.diffThreshold) : ''}
          onCommit={(v) =>
            set({ diffThreshold: v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.max(0, Number(v)) })
          }
        />
      )}
      <InlineField label="Owners" labelWidth={16} tooltip="Join owners from the catalog">
        <InlineSwitch value={flows.joinOwners} onChange={(e) => set({ joinOwners: e.currentTarget.checked })} />
      </InlineField>
      <InlineField label="Chaos" labelWidth={16} tooltip="Mark the blast radius of chaos runs in the range">
        <InlineSwitch value={flows.joinChaos} onChange={(e) => set({ joinChaos: e.currentTarget.checked })} />
      </InlineField>
      <ImpactOptionsEditor
        impact={query.impact ?? {}}
        runLabel="Impact of run"
        windowsOnlyWithRun
        runTooltip="Ring each service by what this chaos run did to it, and mark the edges by what changed during it (e.g. $run); empty: no impact"
        onChange={(impact) => commit({ ...query, flows, impact })}
      />
    </>
  );
}
