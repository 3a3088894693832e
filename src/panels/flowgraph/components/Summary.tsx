import React from 'react';
import type { OverlaySummary } from '../graph/summary';

interface Props {
  shown: number;
  total: number;
  edges: number;
  engine?: string;
  layoutMs?: number;
  running: boolean;
  overlay: string;
  summary: OverlaySummary;
  matches: number;
  focused?: string;
  selected?: string;
  groups: number;
  totalCost?: string;
  /** The map's level fields from the top ("cluster>namespace"), empty when every node is drawn. */
  levels?: string;
  openGroups?: number;
  /** Group nodes drawn (closed groups). */
  groupNodes?: number;
  /** Nodes on lit paths. */
  lit?: number;
  /** Noise toggles that are on, comma-separated. */
  noise?: string;
}

/** One sentence: what the map shows (for screen readers, and what browser tests read). */
export function summaryText(p: Props): string {
  const parts = [`${p.shown} of ${p.total} nodes and ${p.edges} edges shown`];
  parts.push(
    p.running
      ? 'layout running'
      : p.engine
        ? `${p.engine} layout in ${Math.round(p.layoutMs ?? 0)} ms`
        : 'no layout yet'
  );
  if (p.groups > 0) {
    parts.push(`${p.groups} groups`);
  }
  if (p.levels) {
    parts.push(
      `levels ${p.levels.split('>').join(' › ')}: ${p.groupNodes ?? 0} closed groups, ${p.openGroups ?? 0} open`
    );
  }
  if (p.lit) {
    parts.push(`${p.lit} nodes on lit paths`);
  }
  if (p.noise) {
    parts.push(`showing only ${p.noise}`);
  }
  if (p.focused) {
    parts.push(`focused on ${p.focused}`);
  }
  if (p.matches > 0) {
    parts.push(`${p.matches} search matches`);
  }
  if (p.selected) {
    parts.push(`selected ${p.selected}`);
  }
  const s = p.summary;
  if (p.overlay === 'chaos') {
    parts.push(`chaos: ${s.chaos.target} targets, ${s.chaos.upstream} upstream, ${s.chaos.downstream} downstream`);
  } else if (p.overlay === 'diff') {
    parts.push(`diff: ${s.diff.new} new, ${s.diff.vanished} vanished, ${s.diff.changed} changed edges`);
  } else if (p.overlay === 'cost') {
    parts.push(`cost: ${p.totalCost ?? 'none'} total over ${s.crossZoneEdges} cross-zone edges`);
  }
  return `${parts.join('; ')}.`;
}

export function Summary(p: Props) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="faultline-flowgraph-summary"
      data-nodes={p.shown}
      data-total-nodes={p.total}
      data-edges={p.edges}
      data-engine={p.engine ?? ''}
      data-overlay={p.overlay}
      data-matches={p.matches}
      data-focused={p.focused ?? ''}
      data-groups={p.groups}
      data-levels={p.levels ?? ''}
      data-open-groups={p.openGroups ?? 0}
      data-group-nodes={p.groupNodes ?? 0}
      data-lit={p.lit ?? 0}
      data-noise={p.noise ?? ''}
      data-chaos={`${p.summary.chaos.target}/${p.summary.chaos.upstream}/${p.summary.chaos.downstream}`}
      data-diff={`${p.summary.diff.new}/${p.summary.diff.vanished}/${p.summary.diff.changed}`}
      data-cost={p.summary.totalCost ?? ''}
      style={{
        position: 'absolute',
        width: 1,
        height: 1,
        overflow: 'hidden',
        clipPath: 'inset(50%)',
        whiteSpace: 'nowrap',
      }}
    >
      {summaryText(p)}
    </div>
  );
}
