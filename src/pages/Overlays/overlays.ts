/**
 * The overlays the manager adds to a dashboard's JSON and takes out again: the chaos annotation and
 * an ownership panel. Each carries a marker only this page writes, so removing takes out what was
 * added and nothing a person made by hand. Pure: JSON in, JSON (or a reason) out.
 */
import type { PageSettings } from '../../components/AppConfig/settings';
import { DATASOURCE_TYPE, OWNERSHIP_PANEL } from '../../constants';
import { DEFAULT_SERVICE_LABELS } from '../../extensions/services';
import { chaosAnnotation, ownershipQuery } from '../shared/queries';

export type Overlay = 'chaos' | 'ownership';

/** The marker: on the annotation entry, and in the panel's options (both kept by Grafana's save model). */
export const MARKER_KEY = 'faultlineOverlay';
const MARKER = { chaos: 'chaos/v1', ownership: 'ownership/v1' } as const;

/** Dashboards before schema 16 keep panels in `rows`; Grafana's migration rebuilds `panels` from them. */
export const MIN_PANEL_SCHEMA = 16;

type Json = Record<string, unknown>;
export interface DashboardJson extends Json {
  uid: string;
  title: string;
  version?: number;
  schemaVersion?: number;
  annotations?: { list?: Json[] };
  panels?: Json[];
  templating?: { list?: Json[] };
  rows?: unknown[];
}

export type OverlayState = 'added' | 'absent' | { other: string };

export interface Inspection {
  chaos: OverlayState;
  ownership: OverlayState;
  /** `$name` of the dashboard's service-like variable, when it has one. */
  serviceVariable?: string;
  /** Why panels cannot be added (old schema), when they cannot. */
  panelsBlocked?: string;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** Panels at the top level and inside rows. */
function allPanels(d: DashboardJson): Json[] {
  return list(d.panels).flatMap((p) => [p, ...list(p.panels)]);
}

/** A data source reference by object (schema 33+) or by name (older dashboards). */
function isFaultline(ds: unknown, faultlineNames: Set<string>): boolean {
  return isObject(ds) ? ds.type === DATASOURCE_TYPE : typeof ds === 'string' && faultlineNames.has(ds);
}

const dsLabel = (ds: unknown) => (isObject(ds) ? String(ds.uid ?? ds.type) : String(ds));

export function inspect(d: DashboardJson, faultlineNames: Set<string> = new Set()): Inspection {
  const annotations = list(d.annotations?.list);
  const ours = annotations.some((a) => a[MARKER_KEY] === MARKER.chaos);
  const theirs = annotations.find((a) => a[MARKER_KEY] !== MARKER.chaos && isFaultline(a.datasource, faultlineNames));
  const panels = allPanels(d);
  const ownPanel = panels.some((p) => isObject(p.options) && p.options[MARKER_KEY] === MARKER.ownership);
  const otherPanel = panels.find(
    (p) => p.type === OWNERSHIP_PANEL && !(isObject(p.options) && p.options[MARKER_KEY] === MARKER.ownership)
  );
  const variable = list(d.templating?.list).find(
    (v) => typeof v.name === 'string' && DEFAULT_SERVICE_LABELS.includes(v.name)
  );
  const schema = typeof d.schemaVersion === 'number' ? d.schemaVersion : 0;
  return {
    chaos: ours
      ? 'added'
      : theirs
        ? { other: `"${String(theirs.name ?? 'unnamed')}" of data source ${dsLabel(theirs.datasource)}` }
        : 'absent',
    ownership: ownPanel ? 'added' : otherPanel ? { other: `panel "${String(otherPanel.title ?? '')}"` } : 'absent',
    serviceVariable: variable ? `$${String(variable.name)}` : undefined,
    panelsBlocked:
      schema < MIN_PANEL_SCHEMA || Array.isArray(d.rows)
        ? `schema version ${schema || 'unknown'} keeps panels in rows: open and save it in Grafana once to upgrade it, then add the panel`
        : undefined,
  };
}

/** A service name the queries can carry: one value (a comma would make it a list), not a variable. */
export function serviceError(service: string): string | undefined {
  if (service.trim() === '') {
    return 'the dashboard has no service variable: choose a service on this page';
  }
  if (/[\u0000-\u001F\u007F,]/.test(service) || service.trim().startsWith('$')) {
    return `"${service}" cannot name one service (no commas, control characters or leading "$")`;
  }
  return undefined;
}

export type Change = { dashboard: DashboardJson; changed: boolean } | { error: string };

/**
 * Adds an overlay: narrowed to the dashboard's service variable, else to the chosen service.
 * Adding what is already there changes nothing; a Faultline overlay made by hand is left alone.
 */
export function addOverlay(
  d: DashboardJson,
  overlay: Overlay,
  s: PageSettings,
  chosenService: string,
  faultlineNames?: Set<string>
): Change {
  const seen = inspect(d, faultlineNames);
  const state = seen[overlay];
  if (state === 'added') {
    return { dashboard: d, changed: false };
  }
  if (typeof state === 'object') {
    return {
      error: `already holds a Faultline ${overlay === 'chaos' ? 'annotation' : 'ownership panel'} made by hand (${state.other}): left as it is`,
    };
  }
  const service = seen.serviceVariable ?? chosenService.trim();
  const bad = seen.serviceVariable ? undefined : serviceError(service);
  if (bad) {
    return { error: bad };
  }
  if (overlay === 'chaos') {
    const annotation = { ...chaosAnnotation(s, service), name: 'Faultline chaos runs', [MARKER_KEY]: MARKER.chaos };
    return {
      dashboard: { ...d, annotations: { ...(d.annotations ?? {}), list: [...list(d.annotations?.list), annotation] } },
      changed: true,
    };
  }
  if (seen.panelsBlocked) {
    return { error: seen.panelsBlocked };
  }
  return { dashboard: { ...d, panels: [...list(d.panels), ownershipPanel(d, s, service)] }, changed: true };
}

function ownershipPanel(d: DashboardJson, s: PageSettings, service: string): Json {
  const panels = allPanels(d);
  const id = Math.max(0, ...panels.map((p) => (typeof p.id === 'number' ? p.id : 0))) + 1;
  const bottom = Math.max(
    0,
    ...list(d.panels).map((p) => (isObject(p.gridPos) ? Number(p.gridPos.y ?? 0) + Number(p.gridPos.h ?? 0) : 0))
  );
  const query = ownershipQuery(s, service);
  return {
    id,
    type: OWNERSHIP_PANEL,
    title: `Who owns ${service}`,
    gridPos: { x: 0, y: bottom, w: 12, h: 8 },
    datasource: query.datasource,
    targets: [{ ...query, refId: 'A' }],
    options: { [MARKER_KEY]: MARKER.ownership },
  };
}

/** Takes out only what addOverlay added; anything else stays exactly as it was. */
export function removeOverlay(d: DashboardJson, overlay: Overlay): Change {
  if (inspect(d)[overlay] !== 'added') {
    return { dashboard: d, changed: false };
  }
  if (overlay === 'chaos') {
    return {
      dashboard: {
        ...d,
        annotations: {
          ...d.annotations,
          list: list(d.annotations?.list).filter((a) => a[MARKER_KEY] !== MARKER.chaos),
        },
      },
      changed: true,
    };
  }
  const ours = (p: Json) => isObject(p.options) && p.options[MARKER_KEY] === MARKER.ownership;
  const panels = list(d.panels)
    .filter((p) => !ours(p))
    .map((p) => (Array.isArray(p.panels) ? { ...p, panels: list(p.panels).filter((c) => !ours(c)) } : p));
  return { dashboard: { ...d, panels }, changed: true };
}
