import { render, screen } from '@testing-library/react';
import React from 'react';
import pluginJson from '../../plugin.json';
import { Ownership } from '../../../model';
import { ConfigEditor } from '../../ConfigEditor';
import { ConfigProps } from '../../editors/config/fields';
import { checkHealth } from '../../health';
import { fetchTransport } from '../../http/fetchTransport';
import { FaultlineOptions } from '../../types';
import { CatalogBackend, loadProbe } from './backend';
import { CATALOG_BACKENDS } from './backends';
import { loadServices } from '.';
import { catalogProbes } from './probe';

const routes = pluginJson.routes as Array<{ path: string; method?: string }>;

describe('the catalog backend registry', () => {
  it.each(Object.values(CATALOG_BACKENDS).map((b) => [b.where, b]))(
    '%s calls a data proxy route of plugin.json',
    (_, b) => {
      expect(routes.map((r) => r.path)).toContain(b.route);
    }
  );

  it.each(Object.entries(CATALOG_BACKENDS))('%s is filed under its own source', (source, b) => {
    expect(b.source).toBe(source);
    expect(b.settings.some((f) => f.kind === 'text')).toBe(true);
  });
});

describe('adding a catalog takes its folder and one registry line', () => {
  const service: Ownership = { service: 'checkout', owner: 'team-a', source: 'backstage' } as Ownership;
  const loads: FaultlineOptions[] = [];
  // What a new catalog's folder exports: nothing else in the data source names it.
  const fake: CatalogBackend = {
    source: 'fake' as CatalogBackend['source'],
    name: 'Fake catalog',
    where: 'Fake catalog',
    route: 'fake',
    settings: [{ kind: 'text', key: 'fakeUrl' as 'backstageUrl', label: 'Fake catalog URL' }],
    annotationKeys: false,
    load: async (ctx) => (loads.push(ctx.settings), [service]),
    probe: loadProbe({ where: 'Fake catalog', load: async () => [service] }),
  };
  const registry = CATALOG_BACKENDS as unknown as Record<string, CatalogBackend>;
  const settings = { catalogSource: 'fake', fakeUrl: 'http://fake.invalid' } as unknown as FaultlineOptions;
  const transport = fetchTransport({});

  beforeAll(() => {
    registry.fake = fake; // the registry line
  });
  afterAll(() => {
    delete registry.fake;
  });

  it('is loaded and probed by the health check', async () => {
    expect((await loadServices({ settings, transport })).map((o) => o.service)).toEqual(['checkout']);
    expect(loads).toHaveLength(1);
    const health = await checkHealth(settings, transport, [catalogProbes]);
    expect(health.details.map((d) => d.name)).toEqual(['Fake catalog']);
  });

  it('is offered by the settings page with its own fields and no annotation keys', () => {
    const options = { jsonData: settings, secureJsonFields: {} } as unknown as ConfigProps['options'];
    render(<ConfigEditor options={options} onOptionsChange={() => undefined} />);
    expect(screen.getByLabelText('Fake catalog')).toBeChecked();
    expect(screen.getByText('Fake catalog URL')).toBeInTheDocument();
    expect(screen.queryByText('Annotation keys')).toBeNull();
  });
});
