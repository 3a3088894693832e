import React from 'react';
import { InlineField, InlineSwitch, Select } from '@grafana/ui';
import type { EditorProps } from '../QueryEditor';
import { FLOW_GROUPINGS, FLOW_PRESETS, FlowQuery } from '../types';
import { TextFilter } from './TextFilter';

const DEFAULT_FLOWS: FlowQuery = { preset: 'beyla', grouping: 'workload', joinOwners: true, joinChaos: true };

export function FlowQueryEditor({ query, onChange, onRunQuery }: EditorProps) {
  const flows = { ...DEFAULT_FLOWS, ...query.flows };
  const set = (patch: Partial<FlowQuery>) => {
    onChange({ ...query, flows: { ...flows, ...patch } });
    onRunQuery();
  };
  return (
    <>
      <InlineField label="Preset" labelWidth={16}>
        <Select width={40} options={FLOW_PRESETS.map((p) => ({ label: p, value: p }))} value={flows.preset} onChange={(v) => set({ preset: v.value! })} />
      </InlineField>
      <InlineField label="Group by" labelWidth={16}>
        <Select width={40} options={FLOW_GROUPINGS.map((p) => ({ label: p, value: p }))} value={flows.grouping} onChange={(v) => set({ grouping: v.value! })} />
      </InlineField>
      <TextFilter label="Matchers" placeholder='k8s_src_namespace="$namespace"' value={flows.matchers} onCommit={(v) => set({ matchers: v })} />
      {flows.preset === 'custom' && (
        <>
          <TextFilter label="PromQL" placeholder="sum by (src, dst) (rate(my_bytes_total[$__rate_interval]))" value={flows.customQuery} onCommit={(v) => set({ customQuery: v })} />
          <TextFilter label="Source label" value={flows.sourceLabel} onCommit={(v) => set({ sourceLabel: v })} />
          <TextFilter label="Target label" value={flows.targetLabel} onCommit={(v) => set({ targetLabel: v })} />
        </>
      )}
      <TextFilter label="Compare with" placeholder="1h, 1d (empty: no diff)" value={flows.compareWith} onCommit={(v) => set({ compareWith: v })} />
      <InlineField label="Owners" labelWidth={16} tooltip="Join owners from the catalog">
        <InlineSwitch value={flows.joinOwners} onChange={(e) => set({ joinOwners: e.currentTarget.checked })} />
      </InlineField>
      <InlineField label="Chaos" labelWidth={16} tooltip="Mark the blast radius of chaos runs in the range">
        <InlineSwitch value={flows.joinChaos} onChange={(e) => set({ joinChaos: e.currentTarget.checked })} />
      </InlineField>
    </>
  );
}
