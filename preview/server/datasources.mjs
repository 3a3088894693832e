// Grafana's data source settings API, as its data source settings page uses it (pkg/api/datasources.go
// GetDataSourceByUID, UpdateDataSourceByUID, convertModelToDtos; the merge of secrets in
// pkg/services/datasources/service/datasource.go fillWithSecureJSONData; the version check in
// pkg/services/datasources/service/store.go UpdateDataSource). secureJsonData is write-only: a read
// answers which secrets are set (secureJsonFields), never their values.

/** Grafana's numeric id, version and read-only flag for each provisioned data source (editable: false → read-only). */
export function initDataSources(datasources) {
  datasources.forEach((ds, i) => {
    ds.id ??= i + 1;
    ds.version ??= 1;
    ds.readOnly ??= ds.editable !== true;
  });
  return datasources;
}

/** The settings as the API answers them (convertModelToDtos): secrets only as "is set". */
/** @param {{ accessControl?: false | { write: boolean } }} [options] */
export function dataSourceDto(ds, plugins, { accessControl = false } = {}) {
  const plugin = plugins.find((p) => p.id === ds.type);
  return {
    id: ds.id,
    uid: ds.uid,
    orgId: 1,
    name: ds.name,
    type: ds.type,
    typeLogoUrl: plugin?.info?.logos?.small ?? 'public/img/icn-datasource.svg',
    access: ds.access ?? 'proxy',
    url: ds.url ?? '',
    user: ds.user ?? '',
    database: ds.database ?? '',
    basicAuth: Boolean(ds.basicAuth),
    basicAuthUser: ds.basicAuthUser ?? '',
    withCredentials: Boolean(ds.withCredentials),
    isDefault: Boolean(ds.isDefault),
    jsonData: ds.jsonData ?? {},
    secureJsonFields: Object.fromEntries(
      Object.entries(ds.secureJsonData ?? {})
        .filter(([, v]) => String(v ?? '').length > 0)
        .map(([k]) => [k, true])
    ),
    version: ds.version,
    readOnly: Boolean(ds.readOnly),
    apiVersion: '',
    // What the user may do with it (getAccessControlMetadata): write and delete for an Admin only.
    ...(accessControl
      ? {
          accessControl: {
            'datasources:read': true,
            'datasources:write': accessControl.write,
            'datasources:delete': accessControl.write,
            'datasources:query': true,
          },
        }
      : {}),
  };
}

const error = (status, message) => ({ status, body: { message } });

/** Grafana's validateURL for a data source URL: empty is allowed, anything else must parse. */
function invalidUrl(url) {
  if (!url) {
    return false;
  }
  try {
    new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
    return false;
  } catch {
    return true;
  }
}

/**
 * PUT /api/datasources/uid/<uid>. Grafana's store writes the command with xorm, which skips empty
 * strings except the columns it forces (user, database; the booleans always): so an empty name or
 * URL keeps the stored one, jsonData is replaced whole, and secrets the body does not name are kept.
 * @returns {{ status: number, body: object }}
 */
export function updateDataSource(datasources, plugins, uid, cmd) {
  if (!cmd || typeof cmd !== 'object' || Array.isArray(cmd)) {
    return error(400, 'bad request data');
  }
  if (invalidUrl(cmd.url)) {
    return error(400, 'Validation error, invalid URL');
  }
  const ds = datasources.find((d) => d.uid === uid);
  if (!ds) {
    return error(404, 'Data source not found');
  }
  if (ds.readOnly) {
    return error(403, 'Cannot update read-only data source');
  }
  if (cmd.name && cmd.name !== ds.name && datasources.some((d) => d !== ds && d.name === cmd.name)) {
    return error(409, 'Failed to update datasource: data source with the same name already exists');
  }
  const version = Number(cmd.version) || 0;
  // A version of 0 forces the update; a stale one (someone saved in between) is refused.
  if (version !== 0 && ds.version > version) {
    return error(409, 'Datasource has already been updated by someone else. Please reload and try again');
  }
  const sent = cmd.secureJsonData && typeof cmd.secureJsonData === 'object' ? cmd.secureJsonData : {};
  const secureJsonData = {
    ...ds.secureJsonData,
    ...Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, String(v ?? '')])),
  };
  Object.assign(ds, {
    name: cmd.name || ds.name,
    type: cmd.type || ds.type,
    access: cmd.access || ds.access,
    url: cmd.url || ds.url,
    user: cmd.user ?? '',
    database: cmd.database ?? '',
    basicAuth: Boolean(cmd.basicAuth),
    basicAuthUser: cmd.basicAuthUser || ds.basicAuthUser,
    withCredentials: Boolean(cmd.withCredentials),
    isDefault: Boolean(cmd.isDefault),
    jsonData: cmd.jsonData && typeof cmd.jsonData === 'object' ? cmd.jsonData : {},
    secureJsonData,
    readOnly: Boolean(cmd.readOnly),
    version: version + 1,
  });
  if (ds.isDefault) {
    datasources.filter((d) => d !== ds).forEach((d) => (d.isDefault = false));
  }
  return {
    status: 200,
    body: { message: 'Datasource updated', id: ds.id, name: ds.name, datasource: dataSourceDto(ds, plugins) },
  };
}
