import React from 'react';
import { PanelPlugin, PanelProps, renderTextPanelMarkdown } from '@grafana/data';
import { Frame } from './StandInBadge';

interface TextOptions {
  mode?: 'markdown' | 'html';
  content?: string;
}

/** Markdown through @grafana/data's renderer, which sanitizes as Grafana's text panel does. */
function TextStandIn({ options, replaceVariables }: PanelProps<TextOptions>) {
  const html = renderTextPanelMarkdown(replaceVariables(options.content ?? ''));
  return (
    <Frame type="text">
      <div className="markdown-html" style={{ padding: 8, overflow: 'auto', height: '100%' }} dangerouslySetInnerHTML={{ __html: html }} />
    </Frame>
  );
}

export const textPlugin = new PanelPlugin<TextOptions>(TextStandIn);
