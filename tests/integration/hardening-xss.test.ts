import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import {
  createDataFrame,
  DataFrame,
  FieldType,
  getDefaultTimeRange,
  LoadingState,
  type PanelProps,
} from '@grafana/data';
import { ownershipFrame } from '../../src/datasource/connectors/catalog/frames';
import { annotationText } from '../../src/datasource/connectors/chaos/frames';
import { ChaosRun } from '../../src/model/chaos';
import { safeUrl } from '../../src/model/safeUrl';
import { Ownership } from '../../src/model/service';
import { FlowGraphPanel } from '../../src/panels/flowgraph/FlowGraphPanel';
import { DEFAULT_OPTIONS, type FlowGraphOptions } from '../../src/panels/flowgraph/types';
import { OwnershipPanel } from '../../src/panels/ownership/OwnershipPanel';
import type { OwnershipOptions } from '../../src/panels/ownership/types';
import { domProblems, Payload, XSS_PAYLOADS } from '../support/xss';

// flatbush ships ESM only and jest here does not transform it: load its own UMD build instead.
jest.mock('flatbush', () =>
  jest.requireActual(require('path').resolve(__dirname, '../../node_modules/flatbush/flatbush.js'))
);

/*
 * Every payload of the corpus in every field that reaches the screen, rendered by the real panels
 * from src (jsdom): nothing from the data may become an element, an event handler or an unsafe href.
 * The in-browser check (nothing executes, no request leaks a secret) lives with the preview tests.
 */
const BENIGN: Payload = { name: 'benign', value: 'payments' };
const ELEMENTS =
  'script, img, svg, iframe, object, embed, meta, base, math, details, template, style, link, form, input';
let tried = 0;
let clean = 0;
afterAll(() =>
  console.log(
    `HARDENING SUMMARY XSS: ${XSS_PAYLOADS.length} payloads; ${clean} of ${tried} renders (ownership panel in 3 layouts, flow graph panel with its node menu, chaos annotation text) without an element, handler or unsafe link from the data`
  )
);

/** Element counts the component renders on its own (icons): data must not add to them. */
function elementCount(root: Element): number {
  return root.querySelectorAll(ELEMENTS).length;
}

function hostileService(v: string): Ownership {
  const link = (kind: 'runbook' | 'repo' | 'docs' | 'chat' | 'oncall' | 'dashboard') => ({ kind, title: v, url: v });
  return {
    ref: `component:default/${v}`,
    service: v,
    namespace: v,
    title: v,
    description: v,
    owner: v,
    ownerRef: v,
    team: v,
    onCall: link('oncall'),
    contacts: [
      { name: v, value: v, kind: 'email' },
      { name: v, value: v, kind: 'chat' },
      { name: v, value: v, kind: 'other' },
    ],
    links: [link('dashboard'), { kind: 'other', title: v, url: v }],
    tier: v,
    lifecycle: v,
    system: v,
    repo: link('repo'),
    runbook: link('runbook'),
    docs: link('docs'),
    chat: link('chat'),
    tags: [v],
    source: v,
    missing: [{ field: 'owner', hint: `${v} \`${v}\`` }],
  };
}

function ownershipProps(series: DataFrame[], layout: OwnershipOptions['layout']): PanelProps<OwnershipOptions> {
  return {
    data: { series, state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options: { layout, showMissing: true },
    width: 900,
    height: 500,
  } as unknown as PanelProps<OwnershipOptions>;
}

function renderOwnership(p: Payload, layout: OwnershipOptions['layout']): Element {
  // Two services so compact and table layouts show several rows; one keeps the full card.
  const services =
    layout === 'full'
      ? [hostileService(p.value)]
      : [hostileService(p.value), { ...hostileService(p.value), ref: 'component:default/other', service: 'other' }];
  const frame = ownershipFrame(services);
  frame.meta = { notices: [{ severity: 'warning', text: p.value }] };
  return render(React.createElement(OwnershipPanel, ownershipProps([frame], layout))).container;
}

function flowFrames(v: string): DataFrame[] {
  const ids = ['evil-node', 'b', 'c'];
  const nodes = createDataFrame({
    name: 'nodes',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      {
        name: 'id',
        type: FieldType.string,
        values: ids,
        config: {
          links: [
            { title: v, url: v },
            { title: v, url: `javascript:alert(1)//\${__value.raw}` },
          ],
        },
      },
      { name: 'title', type: FieldType.string, values: [v, 'b', 'c'] },
      { name: 'subtitle', type: FieldType.string, values: [v, v, v] },
      { name: 'mainstat', type: FieldType.string, values: [v, '1', '2'] },
      { name: 'secondarystat', type: FieldType.string, values: [v, v, v] },
      { name: 'color', type: FieldType.string, values: [v, v, v] },
      { name: 'detail__owner', type: FieldType.string, values: [v, v, v] },
      { name: 'detail__team', type: FieldType.string, values: [v, v, v] },
      { name: 'detail__namespace', type: FieldType.string, values: [v, v, v] },
      { name: 'detail__zone', type: FieldType.string, values: [v, v, v] },
      { name: 'detail__chaos', type: FieldType.string, values: ['target', v, v] },
      { name: `detail__${v.slice(0, 200)}`, type: FieldType.string, values: [v, v, v] },
    ],
  });
  const edges = createDataFrame({
    name: 'edges',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      { name: 'id', type: FieldType.string, values: ['e1', 'e2', v] },
      { name: 'source', type: FieldType.string, values: ['evil-node', 'b', 'c'] },
      { name: 'target', type: FieldType.string, values: ['b', 'c', 'missing-' + v] },
      { name: 'mainstat', type: FieldType.string, values: [v, v, v] },
      { name: 'color', type: FieldType.string, values: [v, v, v] },
      { name: 'detail__diff', type: FieldType.string, values: [v, v, v] },
    ],
  });
  return [nodes, edges];
}

async function renderFlowGraph(p: Payload): Promise<Element> {
  const props = {
    data: { series: flowFrames(p.value), state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options: { ...DEFAULT_OPTIONS, dashboardUrl: p.value },
    width: 800,
    height: 500,
  } as unknown as PanelProps<FlowGraphOptions>;
  const { container } = render(React.createElement(FlowGraphPanel, props));
  await waitFor(() => expect(screen.getByTestId('faultline-flowgraph-summary').dataset.engine).not.toBe(''));
  // Select the hostile node by search and open its menu from the keyboard: title and links render there.
  fireEvent.change(screen.getByLabelText('Search nodes'), { target: { value: 'evil-node' } });
  const map = screen.getByRole('application');
  act(() => {
    fireEvent.keyDown(map, { key: 'n' });
  });
  act(() => {
    fireEvent.keyDown(map, { key: 'Enter' });
  });
  return container.ownerDocument.body;
}

beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(cleanup);

describe('hostile catalog values in the ownership panel', () => {
  const baseline: Record<string, number> = {};
  beforeAll(() => {
    for (const layout of ['full', 'compact', 'table'] as const) {
      baseline[layout] = elementCount(renderOwnership(BENIGN, layout));
      cleanup();
    }
  });

  describe.each(['full', 'compact', 'table'] as const)('%s layout', (layout) => {
    it.each(XSS_PAYLOADS.map((p) => [p.name, p] as const))('%s', (_name, p) => {
      tried++;
      const root = renderOwnership(p, layout);
      expect(domProblems(root, { svg: true, img: true })).toEqual([]);
      expect(elementCount(root)).toBe(baseline[layout]);
      if (p.value.length > 0 && p.value.length < 1000 && !/[\u0000-\u001F\uD800]/.test(p.value)) {
        // The value reached the screen, as text.
        expect(root.textContent).toContain(p.value.trim());
      }
      clean++;
    });
  });
});

/** Elements that are not the icons of @grafana/ui (drawn by the icon mock with a data-testid). */
const nonIconElements = (root: Element) =>
  [...root.querySelectorAll(ELEMENTS)].filter(
    (e) => !(e.tagName.toLowerCase() === 'svg' && e.hasAttribute('data-testid'))
  );

describe('hostile node graph values in the flow graph panel (map, search, node menu)', () => {
  // The menu's links (and so its icons) depend on which URLs safeUrl keeps: compare what is not an icon.
  let baseline = 0;
  beforeAll(async () => {
    baseline = nonIconElements(await renderFlowGraph(BENIGN)).length;
    cleanup();
  });

  it.each(XSS_PAYLOADS.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    tried++;
    const root = await renderFlowGraph(p);
    const menu = screen.queryByRole('menu');
    expect(menu).not.toBeNull();
    expect(domProblems(root, { svg: true })).toEqual([]);
    expect(nonIconElements(root)).toHaveLength(baseline);
    clean++;
  });
});

function annotationProblems(run: ChaosRun): string[] {
  const doc = new DOMParser().parseFromString(`<div id="root">${annotationText(run)}</div>`, 'text/html');
  const root = doc.getElementById('root')!;
  const tags = [...root.querySelectorAll('*')]
    .map((e) => e.tagName.toLowerCase())
    .filter((t) => !['b', 'br', 'a'].includes(t));
  return [...tags.map((t) => `<${t}>`), ...domProblems(root)];
}

const hostileRun = (v: string, url: string | undefined): ChaosRun => ({
  source: 'chaosmesh',
  id: v,
  name: v,
  kind: v,
  namespace: v,
  targets: [v, v],
  start: 1,
  end: 2,
  status: 'failed',
  verdict: { outcome: 'deviated', detail: v },
  url,
  labels: { [v]: v },
  events: [{ time: 1, reason: v, message: v }],
});

describe('chaos annotation text, which Grafana renders as HTML', () => {
  // Connectors pass every run URL through safeUrl (the chaos fuzzers check it); the rest is escaped.
  it.each(XSS_PAYLOADS.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    tried++;
    expect(annotationProblems(hostileRun(p.value, safeUrl(p.value)))).toEqual([]);
    clean++;
  });

  it('escapes the run URL too, so a run that skipped safeUrl still carries no javascript: link', () => {
    expect(annotationProblems(hostileRun('x', 'javascript:alert(1)'))).toEqual([]);
  });
});
