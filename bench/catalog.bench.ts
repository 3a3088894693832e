/**
 * Issue 5: map a 5,000-entity Backstage by-query response to the ownership frame, against
 * JSON.parse of the same payload (what any client pays before reading one entity; goal, issue 15:
 * the mapping after the parse ≤ 2× JSON.parse); and the
 * ownership panel's first render for 500 services, with react-dom/server renderToString (no DOM:
 * it measures building the element tree and markup, not layout or paint), against renderToString
 * of a bare HTML table of the same 500 rows.
 */
import path from 'node:path';
import type { PanelProps } from '@grafana/data';
import { readPage } from '../src/datasource/connectors/catalog/backstage/client';
import { Entity } from '../src/datasource/connectors/catalog/entity';
import { ownershipFrame } from '../src/datasource/connectors/catalog/frames';
import { indexPeople, mapComponents } from '../src/datasource/connectors/catalog/mapper';
import type { OwnershipOptions } from '../src/panels/ownership/types';
import { mapperFigures, report, timeMs } from './lib';

const ENTITIES = 5_000;
const TEAMS = 60;

// The shape by-query returns with Faultline's `fields=`: metadata, owner/system specs and relations.
function entity(i: number): Entity {
  const team = `team-${i % TEAMS}`;
  const name = `service-${i}`;
  return {
    kind: 'Component',
    metadata: {
      name,
      namespace: i % 10 === 0 ? 'labs' : 'default',
      description: `Service number ${i} of the benchmark shop`,
      annotations: {
        'backstage.io/managed-by-location': `url:https://git.example/shop/${name}/catalog-info.yaml`,
        ...(i % 7 === 0 ? {} : { 'pagerduty.com/service-id': `P${i.toString(36).toUpperCase()}` }),
        'github.com/project-slug': `shop/${name}`,
        'backstage.io/techdocs-ref': 'dir:.',
      },
      labels: i % 5 === 0 ? {} : { tier: String(1 + (i % 3)) },
      tags: ['go', 'http'],
      links: [
        ...(i % 4 === 0 ? [] : [{ url: `https://runbooks.example/${name}`, title: 'Runbook', type: 'runbook' }]),
        { url: `https://chat.example/${team}`, title: `#${team}`, icon: 'chat' },
        { url: `https://grafana.example/d/${name}`, title: 'Dashboard', type: 'dashboard' },
      ],
    },
    spec: { owner: team, system: `system-${i % 25}`, lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${team}` },
      { type: 'partOf', targetRef: `system:default/system-${i % 25}` },
    ],
  };
}

const groups: Entity[] = Array.from({ length: TEAMS }, (_, i) => ({
  kind: 'Group',
  metadata: { name: `team-${i}`, namespace: 'default' },
  spec: { profile: { displayName: `Team ${i}`, email: `team-${i}@example.com` } },
  relations: [],
}));
const payload = JSON.stringify({
  items: Array.from({ length: ENTITIES }, (_, i) => entity(i)),
  totalItems: ENTITIES,
  pageInfo: {},
});
const people = indexPeople(groups);

let rows = 0;
mapperFigures({
  payload: `${ENTITIES.toLocaleString('en')} Backstage entities`,
  text: payload,
  mapsTo: () => `${rows.toLocaleString('en')} ownership rows + frame`,
  parse: (text) => readPage(JSON.parse(text)).items,
  map: (items) => {
    rows = ownershipFrame(mapComponents(items, people, { source: 'backstage' })).length;
  },
  goal: 2,
});

// Panel: 500 services in one frame, as the ownership query returns them. @grafana/ui cannot be
// bundled for Node by the bench runner (monaco's fonts), so the panel is bundled here with Grafana's
// packages external and loaded from node_modules over a jsdom window, as Grafana would share them.
const SERVICES = 500;
const nodeRequire = eval('require') as NodeRequire;
const root = process.cwd();
const panelBundle = path.join(root, 'artifacts', 'bench', 'ownership-panel.cjs');
nodeRequire('esbuild').buildSync({
  entryPoints: [path.join(root, 'src/panels/ownership/OwnershipPanel.tsx')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: panelBundle,
  external: ['@grafana/*', 'react', 'react-dom', '@emotion/css'],
  logLevel: 'error',
});
lendJsdomWindow();
const React = nodeRequire('react') as typeof import('react');
const { renderToString } = nodeRequire('react-dom/server') as typeof import('react-dom/server');
const { OwnershipPanel } = nodeRequire(panelBundle) as typeof import('../src/panels/ownership/OwnershipPanel');

const frame = ownershipFrame(
  mapComponents(JSON.parse(payload).items.slice(0, SERVICES), people, { source: 'backstage' })
);
const props = (layout: OwnershipOptions['layout']) =>
  ({
    data: { series: [frame], state: 'Done', timeRange: {} },
    options: { layout, showMissing: true },
    width: 1200,
    height: 800,
  }) as unknown as PanelProps<OwnershipOptions>;
const bareTable = () =>
  renderToString(
    React.createElement(
      'table',
      null,
      React.createElement(
        'tbody',
        null,
        ...Array.from({ length: frame.length }, (_, i) =>
          React.createElement(
            'tr',
            { key: i },
            ...frame.fields
              .slice(0, 9)
              .map((f) => React.createElement('td', { key: f.name }, String(f.values[i] ?? '')))
          )
        )
      )
    )
  );

const baseline = timeMs(bareTable, 7);
const table = timeMs(() => renderToString(React.createElement(OwnershipPanel, props('auto'))), 7);
const cards = timeMs(() => renderToString(React.createElement(OwnershipPanel, props('full'))), 7);
report({ name: `bare <table> of ${SERVICES} rows × 9 cells (renderToString)`, value: baseline, unit: 'ms' });
report({
  name: `ownership panel, ${SERVICES} services, auto = table (renderToString)`,
  value: table,
  unit: 'ms',
  baseline: { name: 'bare table', value: baseline },
});
report({
  name: `ownership panel, ${SERVICES} services, full cards (renderToString)`,
  value: cards,
  unit: 'ms',
  baseline: { name: 'bare table', value: baseline },
});

/** @grafana/ui reads window, devicePixelRatio, matchMedia and CSS imports when it loads. */
function lendJsdomWindow() {
  nodeRequire.extensions['.css'] = () => undefined;
  const { JSDOM } = nodeRequire('jsdom');
  const win = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  }).window;
  const g = globalThis as Record<string, unknown>;
  for (const k of Object.getOwnPropertyNames(win)) {
    if (!(k in g)) {
      try {
        g[k] = win[k];
      } catch {
        // read-only global
      }
    }
  }
  // jsdom's dispatchEvent accepts only its own event classes.
  for (const k of ['Event', 'CustomEvent', 'EventTarget', 'UIEvent', 'KeyboardEvent', 'MouseEvent', 'FocusEvent']) {
    g[k] = win[k];
  }
  win.matchMedia ??= () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
  });
  Object.assign(g, { window: win, devicePixelRatio: 1, matchMedia: win.matchMedia });
}
