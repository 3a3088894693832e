/**
 * Grafana's DataSourceSrv for the preview: instance settings come from the boot data (written by
 * the server from provisioning/datasources, without secrets); a plugin data source is constructed
 * from its built dist/ module the way Grafana constructs it. Prometheus is a core plugin in Grafana,
 * so the preview brings its own small client (see prometheus.ts).
 *
 * Lookups follow Grafana's public/app/features/plugins/datasource_srv.ts: a reference is a uid, a
 * name or an id, never a type; a `$variable` is interpolated (first value of a multi-value) and the
 * settings keep the variable as their uid; an unknown reference is an error, not another data source.
 */
import { DataSourceApi, DataSourceInstanceSettings, DataSourcePlugin, DataSourceRef, ScopedVars } from '@grafana/data';
import { config, getBackendSrv, getTemplateSrv, type DataSourceSrv, type GetDataSourceListFilters } from '@grafana/runtime';
import { loadPluginModule } from '../loader';
import { PreviewPrometheus } from './prometheus';

const instances = new Map<string, Promise<DataSourceApi>>();

function all(): DataSourceInstanceSettings[] {
  return Object.values(config.datasources);
}

/** The first value of a multi-value variable, as Grafana's variableInterpolation format gives it. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

function lookup(key: string): DataSourceInstanceSettings | undefined {
  const list = all();
  return list.find((s) => s.uid === key) ?? list.find((s) => s.name === key) ?? list.find((s) => String(s.id) === key);
}

function defaultSettings(): DataSourceInstanceSettings | undefined {
  return config.datasources[config.defaultDatasource] ?? lookup(config.defaultDatasource);
}

function settingsFor(ref: string | DataSourceRef | null | undefined, scopedVars?: ScopedVars): DataSourceInstanceSettings | undefined {
  const nameOrUid = typeof ref === 'string' ? ref : (ref?.uid ?? undefined);
  if (nameOrUid === undefined || nameOrUid === 'default') {
    return defaultSettings();
  }
  if (nameOrUid.startsWith('$')) {
    const interpolated = getTemplateSrv().replace(nameOrUid, scopedVars, firstValue);
    const settings = interpolated === 'default' ? defaultSettings() : lookup(interpolated);
    return settings && { ...settings, isDefault: false, name: nameOrUid, uid: nameOrUid, rawRef: { type: settings.type, uid: settings.uid } };
  }
  return lookup(nameOrUid);
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

/** Grafana's get(): an empty reference is the default, a variable is resolved to the real instance. */
function resolveForGet(ref: string | DataSourceRef | null | undefined, scopedVars?: ScopedVars): DataSourceInstanceSettings | undefined {
  const nameOrUid = typeof ref === 'string' ? ref : (ref?.uid ?? undefined);
  if (!nameOrUid) {
    return defaultSettings();
  }
  const interpolated = getTemplateSrv().replace(nameOrUid, scopedVars, firstValue);
  return interpolated === 'default' ? defaultSettings() : lookup(interpolated);
}

export const previewDataSourceSrv: DataSourceSrv = {
  get(ref, scopedVars) {
    const settings = resolveForGet(ref, scopedVars);
    if (!settings) {
      const key = typeof ref === 'string' ? ref : ref?.uid;
      return Promise.reject({ message: `Datasource ${getTemplateSrv().replace(key ?? '', scopedVars, firstValue)} was not found` });
    }
    let p = instances.get(settings.uid);
    if (!p) {
      p = construct(settings);
      instances.set(settings.uid, p);
      p.catch(() => instances.delete(settings.uid));
    }
    return p;
  },
  /** Grafana's getList: only data sources that query something, sorted by name. */
  getList(filters: GetDataSourceListFilters = {}) {
    return all()
      .filter(
        (s) =>
          !['grafana', 'mixed', 'dashboard'].includes(s.meta.id) &&
          (!filters.metrics || s.meta.metrics) &&
          (!filters.annotations || s.meta.annotations) &&
          (!filters.pluginId || s.meta.id === filters.pluginId) &&
          (!filters.filter || filters.filter(s)) &&
          (!filters.type || (Array.isArray(filters.type) ? filters.type.includes(s.type) : filters.type === s.type)) &&
          (filters.all || s.meta.metrics || s.meta.annotations || s.meta.tracing || s.meta.logs || s.meta.alerting)
      )
      .sort((a, b) => {
        const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
        return x > y ? 1 : x < y ? -1 : 0;
      });
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
