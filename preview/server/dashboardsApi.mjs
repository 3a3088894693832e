// Grafana's search and dashboard HTTP API over an in-memory store seeded from the dashboard
// folders, with Grafana's semantics:
// - GET /api/search (pkg/api/search.go, pkg/services/search): dashboards (`type=dash-db`) and
//   folders the user may view, sorted by title, `query` matching the title, `limit` (default 1000);
// - GET /api/dashboards/uid/:uid (pkg/api/dashboard.go GetDashboard): the JSON with its id, uid and
//   version, and meta.canEdit/canSave/canAdmin from the user's permission, meta.provisioned;
// - POST /api/dashboards/db (PostDashboard → dashboards service SaveDashboard): without overwrite a
//   version other than the stored one is refused with 412 {status:"version-mismatch"}; an id that no
//   longer exists is 404 {status:"not-found"}; a provisioned dashboard is refused (400), as is a user
//   who may not edit it (403); a save bumps the version;
// - DELETE /api/dashboards/uid/:uid (DeleteDashboardByUID).
// Error texts are those of pkg/services/dashboards/errors.go.

const ERR = {
  notFound: [404, { status: 'not-found', message: 'Dashboard not found' }],
  versionMismatch: [412, { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' }],
  provisionedSave: [400, { message: 'Cannot save provisioned dashboard' }],
  provisionedDelete: [400, { message: 'Cannot delete provisioned dashboard' }],
  denied: [403, { message: 'Access denied to save dashboard' }],
  titleEmpty: [400, { message: 'Dashboard title cannot be empty' }],
};

const RANK = { None: 0, View: 1, Edit: 2, Admin: 4 };

function slugOf(title) {
  return String(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * @param {{ provisioned: object[], saved: object[], orgRole?: string, permissions?: Record<string, 'None'|'View'|'Edit'|'Admin'> }} o
 *   provisioned, saved: dashboards as api.mjs reads them ({ uid, dashboard, error })
 *   permissions: the user's permission per dashboard uid, as Grafana's dashboard permissions give
 *   it; without an entry an Admin or Editor may edit, a Viewer may view (Grafana's default ACL)
 */
export function createDashboardStore({ provisioned, saved, orgRole = 'Admin', permissions = {} }) {
  const store = new Map();
  let nextId = 1;
  const seed = (list, isProvisioned) => {
    for (const d of list) {
      if (!d.error && !store.has(d.uid)) {
        const id = nextId++;
        store.set(d.uid, {
          dashboard: { ...d.dashboard, id, uid: d.uid, version: 1 },
          provisioned: isProvisioned,
          created: new Date().toISOString(),
        });
      }
    }
  };
  seed(provisioned, true);
  seed(saved, false);

  const permissionOf = (uid) => {
    if (orgRole === 'Admin') {
      return 'Admin';
    }
    return permissions[uid] ?? (orgRole === 'Editor' ? 'Edit' : 'View');
  };
  const can = (uid, level) => RANK[permissionOf(uid)] >= RANK[level];
  return { store, can, nextId: () => nextId++ };
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const fail = (res, [status, body]) => json(res, status, body);

function search(res, url, { store, can }) {
  const type = url.searchParams.get('type');
  const query = (url.searchParams.get('query') ?? '').toLowerCase();
  const limit = Number(url.searchParams.get('limit') ?? 1000) || 1000;
  if (type && type !== 'dash-db') {
    return json(res, 200, []);
  }
  const hits = [...store.values()]
    .filter(({ dashboard }) => can(dashboard.uid, 'View') && String(dashboard.title).toLowerCase().includes(query))
    .sort((a, b) => String(a.dashboard.title).localeCompare(String(b.dashboard.title)))
    .slice(0, limit)
    .map(({ dashboard }) => {
      const slug = slugOf(dashboard.title);
      return {
        id: dashboard.id,
        uid: dashboard.uid,
        title: dashboard.title,
        uri: `db/${slug}`,
        url: `/d/${dashboard.uid}/${slug}`,
        slug: '',
        type: 'dash-db',
        tags: dashboard.tags ?? [],
        isStarred: false,
        sortMeta: 0,
      };
    });
  return json(res, 200, hits);
}

function read(res, uid, { store, can }) {
  const found = store.get(uid);
  if (!found || !can(uid, 'View')) {
    return fail(res, ERR.notFound);
  }
  const canEdit = can(uid, 'Edit');
  const slug = slugOf(found.dashboard.title);
  return json(res, 200, {
    dashboard: found.dashboard,
    meta: {
      type: 'db',
      canSave: canEdit,
      canEdit,
      canAdmin: can(uid, 'Admin'),
      canStar: true,
      canDelete: canEdit,
      slug,
      url: `/d/${uid}/${slug}`,
      version: found.dashboard.version,
      created: found.created,
      updated: found.updated ?? found.created,
      provisioned: found.provisioned,
      folderUid: '',
      folderTitle: 'Dashboards',
    },
  });
}

function save(res, body, ds) {
  const { store, can } = ds;
  const dashboard = body?.dashboard;
  if (!dashboard || typeof dashboard !== 'object') {
    return json(res, 400, { message: 'bad request data' });
  }
  if (!String(dashboard.title ?? '').trim()) {
    return fail(res, ERR.titleEmpty);
  }
  const existing = dashboard.uid ? store.get(dashboard.uid) : undefined;
  if (!existing && Number(dashboard.id) > 0) {
    return fail(res, ERR.notFound);
  }
  const uid = dashboard.uid || `preview-${ds.nextId()}`;
  if (!can(uid, 'Edit')) {
    return fail(res, ERR.denied);
  }
  if (existing) {
    if (!body.overwrite && existing.dashboard.version !== dashboard.version) {
      return fail(res, ERR.versionMismatch);
    }
    if (existing.provisioned) {
      return fail(res, ERR.provisionedSave);
    }
  }
  const version = (existing?.dashboard.version ?? 0) + 1;
  const id = existing?.dashboard.id ?? ds.nextId();
  const now = new Date().toISOString();
  store.set(uid, {
    dashboard: { ...dashboard, id, uid, version },
    provisioned: false,
    created: existing?.created ?? now,
    updated: now,
  });
  const slug = slugOf(dashboard.title);
  return json(res, 200, { id, uid, url: `/d/${uid}/${slug}`, status: 'success', version, slug });
}

function remove(res, uid, { store, can }) {
  const found = store.get(uid);
  if (!found || !can(uid, 'View')) {
    return fail(res, ERR.notFound);
  }
  if (!can(uid, 'Edit')) {
    return json(res, 403, { message: 'Access denied to delete dashboard' });
  }
  if (found.provisioned) {
    return fail(res, ERR.provisionedDelete);
  }
  store.delete(uid);
  return json(res, 200, { title: found.dashboard.title, message: `Dashboard ${found.dashboard.title} deleted`, uid });
}

/** Answers the request when it is one of these endpoints; returns false otherwise. */
export async function handleDashboardsApi(req, res, url, ds, readBody) {
  const { pathname } = url;
  if (pathname === '/api/search' && req.method === 'GET') {
    search(res, url, ds);
    return true;
  }
  const byUid = pathname.match(/^\/api\/dashboards\/uid\/([^/]+)$/);
  if (byUid && req.method === 'GET') {
    read(res, decodeURIComponent(byUid[1]), ds);
    return true;
  }
  if (byUid && req.method === 'DELETE') {
    remove(res, decodeURIComponent(byUid[1]), ds);
    return true;
  }
  if (pathname === '/api/dashboards/db' && req.method === 'POST') {
    save(res, await readBody(req), ds);
    return true;
  }
  return false;
}
