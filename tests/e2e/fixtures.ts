import fs from 'node:fs';
import path from 'node:path';
import { AppConfigPage, AppPage, test as base } from '@grafana/plugin-e2e';
import type { ConsoleMessage, Page } from '@playwright/test';
import pluginJson from '../../src/plugin.json';

type AppTestFixture = {
  appConfigPage: AppConfigPage;
  gotoPage: (path?: string) => Promise<AppPage>;
  /** Console errors and uncaught exceptions of the page, collected from the start of the test. */
  consoleErrors: string[];
};

export const test = base.extend<AppTestFixture>({
  appConfigPage: async ({ gotoAppConfigPage }, use) => {
    await use(await gotoAppConfigPage({ pluginId: pluginJson.id }));
  },
  gotoPage: async ({ gotoAppPage }, use) => {
    await use((p) => gotoAppPage({ path: p, pluginId: pluginJson.id }));
  },
  consoleErrors: async ({ page }, use) => {
    await use(collectErrors(page));
  },
});

export { expect } from '@grafana/plugin-e2e';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export interface ExampleDashboard {
  uid: string;
  title: string;
  file: string;
  panels: Array<{ id: number; type: string; title?: string }>;
  variables: Array<{ name: string; type: string }>;
  /** The dashboard JSON as the file holds it. */
  json: Record<string, unknown>;
}

/** The example dashboards of src/dashboards, which docker-compose.yaml provisions into Grafana. */
export function exampleDashboards(): ExampleDashboard[] {
  const dir = path.resolve(__dirname, '..', '..', 'src', 'dashboards');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const d = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      return {
        uid: d.uid,
        title: d.title,
        file,
        panels: (d.panels ?? []).filter((p: { type: string }) => p.type !== 'row'),
        variables: d.templating?.list ?? [],
        json: d,
      };
    });
}

/** The app's pages (`/a/<id>/…`) as src/plugin.json lists them. */
export function appPages(): Array<{ name: string; path: string }> {
  return pluginJson.includes
    .filter((i) => i.type === 'page' && 'path' in i && typeof i.path === 'string' && i.path.startsWith('/a/%PLUGIN_ID%/'))
    .map((i) => ({ name: i.name, path: (i as { path: string }).path.replace(`/a/%PLUGIN_ID%/`, '') }));
}

export const PLUGIN_ID = pluginJson.id;
