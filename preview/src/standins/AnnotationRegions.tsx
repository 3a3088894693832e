/**
 * Annotation overlays on the time-series stand-in: one band per region annotation (a chaos run from
 * start to end), a line per point annotation, coloured by the annotation's colour. Drawn through
 * @grafana/ui's EventsCanvas, the same uPlot hook points Grafana's annotation plugin uses.
 *
 * Hovering a band shows its tooltip and a click pins it, as in Grafana: the title and text go
 * through `textUtil.sanitize`, as Grafana's annotation tooltip does, so links in the text work and
 * markup a backend smuggled in does not.
 */
import React, { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { colorManipulator, DataFrame, textUtil } from '@grafana/data';
import { EventsCanvas, Tag, UPlotConfigBuilder, useTheme2 } from '@grafana/ui';

type UPlot = { valToPos: (v: number, scale: string) => number; bbox: { width: number; height: number } };

function column(frame: DataFrame, name: string): unknown[] {
  return frame.fields.find((f) => f.name === name)?.values ?? [];
}

function tagsOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  return typeof value === 'string' && value ? value.split(',') : [];
}

interface Marker {
  title: string;
  text: string;
  tags: string[];
}

function Tooltip({ marker, anchor, pinned, onClose }: { marker: Marker; anchor: DOMRect; pinned: boolean; onClose: () => void }) {
  const theme = useTheme2();
  useEffect(() => {
    if (!pinned) {
      return undefined;
    }
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pinned, onClose]);
  return createPortal(
    <div
      data-testid="preview-annotation-tooltip"
      data-pinned={pinned ? 'true' : 'false'}
      style={{
        position: 'fixed',
        // Until pinned it only shows: the band beneath it must still take the click that pins it.
        pointerEvents: pinned ? 'auto' : 'none',
        left: Math.min(anchor.left, window.innerWidth - 340),
        top: anchor.top + 8,
        width: 320,
        zIndex: theme.zIndex.tooltip,
        background: theme.colors.background.elevated,
        border: `1px solid ${theme.colors.border.weak}`,
        borderRadius: theme.shape.radius.default,
        boxShadow: theme.shadows.z3,
        fontSize: theme.typography.bodySmall.fontSize,
        color: theme.colors.text.secondary,
      }}
    >
      <div style={{ display: 'flex', padding: theme.spacing(0.5, 1), borderBottom: `1px solid ${theme.colors.border.weak}`, color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightBold }}>
        <span style={{ flex: 1 }} dangerouslySetInnerHTML={{ __html: textUtil.sanitize(marker.title) }} />
        {pinned && (
          <button aria-label="Close annotation" onClick={onClose} style={{ background: 'none', border: 0, color: 'inherit', cursor: 'pointer' }}>
            ×
          </button>
        )}
      </div>
      <div style={{ padding: theme.spacing(1) }}>
        <div className="preview-annotation-text" style={{ paddingBottom: theme.spacing(1) }} dangerouslySetInnerHTML={{ __html: textUtil.sanitize(marker.text) }} />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {marker.tags.map((t, i) => (
            <Tag key={`${t}-${i}`} name={t} />
          ))}
        </div>
      </div>
      <style>{`.preview-annotation-text a { color: ${theme.colors.text.link}; }`}</style>
    </div>,
    document.body
  );
}

function Band({ marker, width, height, color, isRegion }: { marker: Marker; width: number; height: number; color: string; isRegion: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ anchor: DOMRect; pinned: boolean } | undefined>();
  const show = (pinned: boolean) => ref.current && setState({ anchor: ref.current.getBoundingClientRect(), pinned });
  return (
    <>
      <div
        ref={ref}
        data-testid="preview-annotation"
        data-region={isRegion ? 'true' : 'false'}
        aria-label={marker.title}
        onMouseEnter={() => !state?.pinned && show(false)}
        onMouseLeave={() => !state?.pinned && setState(undefined)}
        onClick={() => show(true)}
        style={{
          width,
          height,
          cursor: 'pointer',
          background: isRegion ? colorManipulator.alpha(color, 0.18) : 'transparent',
          borderLeft: `2px solid ${color}`,
          borderRight: isRegion ? `1px dashed ${color}` : undefined,
          boxSizing: 'border-box',
        }}
      />
      {state && <Tooltip marker={marker} anchor={state.anchor} pinned={state.pinned} onClose={() => setState(undefined)} />}
    </>
  );
}

export function AnnotationRegions({ config, annotations }: { config: UPlotConfigBuilder; annotations: DataFrame[] }) {
  const plot = useRef<UPlot | undefined>(undefined);
  const theme = useTheme2();
  useLayoutEffect(() => {
    config.addHook('init', (u) => {
      plot.current = u as unknown as UPlot;
    });
  }, [config]);

  return (
    <EventsCanvas
      id="preview-annotations"
      config={config}
      events={annotations}
      mapEventToXYCoords={(frame, i) => {
        const u = plot.current;
        const time = Number(column(frame, 'time')[i]);
        if (!u || !Number.isFinite(time)) {
          return undefined;
        }
        return { x: u.valToPos(time, 'x'), y: 0 };
      }}
      renderEventMarker={(frame, i) => {
        const u = plot.current!;
        const time = Number(column(frame, 'time')[i]);
        const end = Number(column(frame, 'timeEnd')[i]);
        const isRegion = Boolean(column(frame, 'isRegion')[i]) || (Number.isFinite(end) && end > time);
        const x = u.valToPos(time, 'x');
        const x2 = isRegion ? u.valToPos(Number.isFinite(end) ? end : Date.now(), 'x') : x;
        const color = theme.visualization.getColorByName(String(column(frame, 'color')[i] || theme.colors.primary.main));
        const marker = {
          title: String(column(frame, 'title')[i] ?? ''),
          text: String(column(frame, 'text')[i] ?? ''),
          tags: tagsOf(column(frame, 'tags')[i]),
        };
        return <Band marker={marker} width={Math.max(2, x2 - x)} height={u.bbox.height / window.devicePixelRatio} color={color} isRegion={isRegion} />;
      }}
    />
  );
}
