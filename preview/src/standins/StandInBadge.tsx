import React from 'react';
import { useTheme2 } from '@grafana/ui';

/** Says on every stand-in panel that Grafana draws this panel type with its own core plugin. */
export function StandInBadge({ type }: { type: string }) {
  const theme = useTheme2();
  return (
    <span
      data-testid="preview-standin"
      title={`Grafana's core "${type}" panel is not in any package; the preview draws this stand-in from @grafana/ui components`}
      style={{
        position: 'absolute',
        right: 4,
        bottom: 2,
        zIndex: 2,
        fontSize: 10,
        padding: '0 4px',
        borderRadius: 2,
        color: theme.colors.text.secondary,
        background: theme.colors.background.secondary,
        pointerEvents: 'none',
      }}
    >
      preview stand-in: {type}
    </span>
  );
}

export function Frame({ type, children }: { type: string; children: React.ReactNode }) {
  return (
    <div data-testid={`standin-${type}`} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }}>
      {children}
      <StandInBadge type={type} />
    </div>
  );
}

export function NoData({ message = 'No data' }: { message?: string }) {
  const theme = useTheme2();
  return (
    <div data-testid="standin-nodata" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', color: theme.colors.text.secondary }}>
      {message}
    </div>
  );
}
