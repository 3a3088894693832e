import React, { useMemo } from 'react';
import type { PanelProps } from '@grafana/data';
import { formatDataError } from './graph/dataErrors';
import { readFlowFrames } from './graph/readFrames';
import { FlowMap } from './FlowMap';
import type { LinkContext } from './panel/links';
import { DEFAULT_OPTIONS, type FlowGraphOptions } from './types';

/** Thin shell: frames in, notices out, the map drawn by FlowMap. */
export function FlowGraphPanel({ id, data, width, height, options }: PanelProps<FlowGraphOptions>) {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const read = useMemo(() => readFlowFrames(data.series, opts.nodeLimit), [data.series, opts.nodeLimit]);
  const notices = useMemo(() => read.errors.map(formatDataError), [read.errors]);
  const links = useMemo<LinkContext>(() => {
    const target = data.request?.targets?.[0];
    const idField = data.series.flatMap((f) => f.fields).find((f) => f.name === 'id');
    return {
      datasourceUid: typeof target?.datasource === 'object' ? target.datasource?.uid : undefined,
      dashboardUrl: opts.dashboardUrl,
      fieldLinks: idField?.config.links?.map((l) => ({ title: l.title, url: l.url })),
    };
  }, [data.request, data.series, opts.dashboardUrl]);
  if (read.fatal || read.graph.nodes.length === 0) {
    return (
      <div data-testid="faultline-flowgraph-empty" role="status" style={{ padding: 8 }}>
        {notices.map((t) => (
          <p key={t}>{t}</p>
        ))}
      </div>
    );
  }
  return (
    <FlowMap
      graph={read.graph}
      options={opts}
      width={width}
      height={height}
      notices={notices}
      links={links}
      panelId={id}
    />
  );
}
