/**
 * Grafana's DataSourceSrv for the preview: instance settings come from the boot data (written by
 * the server from provisioning/datasources, without secrets); a plugin data source is constructed
 * from its built dist/ module the way Grafana constructs it. Prometheus is a core plugin in Grafana,
 * so the preview brings its own small client (see prometheus.ts).
 */
import { DataSourceApi, DataSourceInstanceSettings, DataSourcePlugin, DataSourceRef, ScopedVars } from '@grafana/data';
import { config, getBackendSrv, getTemplateSrv, type DataSourceSrv, type GetDataSourceListFilters } from '@grafana/runtime';
import { loadPluginModule } from '../loader';
import { PreviewPrometheus } from './prometheus';

const instances = new Map<string, Promise<DataSourceApi>>();

function all(): DataSourceInstanceSettings[] {
  return Object.values(config.datasources);
}

function resolveRef(ref: string | DataSourceRef | null | undefined, scopedVars?: ScopedVars): string | undefined {
  const raw = ref === null || ref === undefined ? undefined : typeof ref === 'string' ? ref : ref.uid;
  if (raw === undefined || raw === 'default') {
    return config.datasources[config.defaultDatasource]?.uid;
  }
  return getTemplateSrv().replace(raw, scopedVars);
}

function settingsFor(ref: string | DataSourceRef | null | undefined, scopedVars?: ScopedVars): DataSourceInstanceSettings | undefined {
  const key = resolveRef(ref, scopedVars);
  if (!key && ref && typeof ref === 'object' && ref.type) {
    return all().find((s) => s.type === ref.type);
  }
  return all().find((s) => s.uid === key || s.name === key);
}

async function construct(settings: DataSourceInstanceSettings): Promise<DataSourceApi> {
  if (settings.type === 'prometheus') {
    return new PreviewPrometheus(settings);
  }
  const mod = await loadPluginModule(settings.meta.module);
  const plugin = mod.plugin;
  if (!(plugin instanceof DataSourcePlugin)) {
    throw new Error(`${settings.meta.module} does not export a DataSourcePlugin`);
  }
  const instance = new plugin.DataSourceClass(settings) as DataSourceApi;
  instance.components = plugin.components;
  instance.meta = settings.meta;
  return instance;
}

export const previewDataSourceSrv: DataSourceSrv = {
  get(ref, scopedVars) {
    const settings = settingsFor(ref, scopedVars);
    if (!settings) {
      return Promise.reject(new Error(`Data source ${JSON.stringify(ref)} was not found`));
    }
    let p = instances.get(settings.uid);
    if (!p) {
      p = construct(settings);
      instances.set(settings.uid, p);
      p.catch(() => instances.delete(settings.uid));
    }
    return p;
  },
  getList(filters: GetDataSourceListFilters = {}) {
    return all().filter(
      (s) =>
        (!filters.type || (Array.isArray(filters.type) ? filters.type.includes(s.type) : filters.type === s.type)) &&
        (!filters.metrics || s.meta.metrics) &&
        (!filters.annotations || s.meta.annotations) &&
        (!filters.pluginId || s.meta.id === filters.pluginId)
    );
  },
  getInstanceSettings: (ref, scopedVars) => settingsFor(ref, scopedVars),
  // Grafana's DatasourceSrv.reload (public/app/features/plugins/datasource_srv.ts): the instance
  // settings again from /api/frontend/settings, and new instances from then on, as after a save.
  reload: async () => {
    const settings = await getBackendSrv().get<{ datasources: typeof config.datasources; defaultDatasource: string }>('/api/frontend/settings');
    config.datasources = settings.datasources;
    config.defaultDatasource = settings.defaultDatasource;
    instances.clear();
  },
  registerRuntimeDataSource: () => {},
} as DataSourceSrv;
