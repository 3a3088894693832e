/** The runtime services Grafana registers at start-up, as far as plugins and scenes call them. */
import { EventBusSrv, standardTransformers, standardTransformersRegistry } from '@grafana/data';
import {
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setPluginImportUtils,
  setRunRequest,
  setTemplateSrv,
} from '@grafana/runtime';
import { previewBackendSrv } from './backendSrv';
import { previewDataSourceSrv } from './datasourceSrv';
import { getPanelPluginFromCache, importPanelPlugin } from './pluginImports';
import { runRequest } from './runRequest';
import { previewTemplateSrv } from './templateSrv';

export function registerServices(): void {
  setBackendSrv(previewBackendSrv);
  setDataSourceSrv(previewDataSourceSrv);
  setTemplateSrv(previewTemplateSrv);
  setRunRequest(runRequest);
  setPluginImportUtils({ importPanelPlugin, getPanelPluginFromCache });
  setAppEvents(new EventBusSrv() as never);
  // @grafana/data lists some transformers under two names (seriesToColumns is joinByField).
  const transformers = [...new Map(Object.values(standardTransformers).map((t) => [t.id, t])).values()];
  standardTransformersRegistry.setInit(
    () => transformers.map((t) => ({ id: t.id, name: t.name, description: t.description, transformation: t, editor: () => null })) as never
  );
}
