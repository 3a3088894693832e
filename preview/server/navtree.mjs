// The apps' entries of Grafana's menu, built as pkg/services/navtree/navtreeimpl/applinks.go builds
// them (processAppPlugin), so the preview's menu is the one a Grafana user sees: an app is listed
// when enabled and it has children; a page is a child when `addToNav` and the user's role includes
// the page's `role`; the `defaultNav` page becomes the app's own link and leaves the children.

// Role precedence of pkg/apimachinery/identity (RoleType.Includes): an unset role is included by all.
const ROLE_RANK = { None: 10, Viewer: 20, Editor: 30, Admin: 40 };
const includesRole = (userRole, role) => (ROLE_RANK[userRole] ?? 0) >= (ROLE_RANK[role] ?? 0);

function appNavLink(app, role) {
  const link = {
    id: `plugin-page-${app.id}`,
    text: app.name,
    img: app.info?.logos?.small,
    subTitle: app.info?.description,
    pluginId: app.id,
    url: `/a/${app.id}`,
    isSection: true,
    children: [],
  };
  for (const include of app.includes ?? []) {
    if (include.type !== 'page' || !includesRole(role, include.role)) {
      continue;
    }
    const url = include.path ? include.path : `/plugins/${app.id}/page/${include.slug}`;
    if (include.path && include.defaultNav && include.addToNav) {
      link.url = url;
    }
    if (include.addToNav) {
      link.children.push({ text: include.name, icon: include.icon, pluginId: app.id, url });
    }
  }
  // Dashboards with addToNav become children too; none of ours asks for it, so none is built here.
  if (link.children.length === 0) {
    return undefined;
  }
  link.children = link.children.filter((c) => c.url !== link.url);
  return link;
}

/**
 * Grafana's boot data `navTree` as far as apps go: the "More apps" section (id `apps`) holding every
 * enabled app with menu children, sorted by name.
 * @param {{ plugins: Array<object>, apps: Array<{type: string, disabled?: boolean}>, role: string }} options
 */
export function appsNavTree({ plugins, apps, role }) {
  const enabled = (p) => p.autoEnabled || apps.some((a) => a.type === p.id && a.disabled !== true);
  const links = plugins
    .filter((p) => p.type === 'app' && enabled(p))
    .map((p) => appNavLink(p, role))
    .filter(Boolean)
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return links.length ? [{ id: 'apps', text: 'More apps', icon: 'layer-group', url: '/apps', children: links }] : [];
}
