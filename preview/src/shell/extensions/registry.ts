/**
 * Grafana's registry of added links, as strict as Grafana in development mode:
 * - a link is checked as public/app/features/plugins/extensions/registry/AddedLinksRegistry.ts
 *   checks it (title, description, configure a function, path or onClick, path under
 *   `/a/<pluginId>/`), and, as MetaValidator.ts does in development mode, rejected when plugin.json
 *   `extensions.addedLinks` does not declare its title or all its targets;
 * - getPluginLinks follows getPluginExtensions.ts: a read-only context (utils.ts getReadOnlyProxy,
 *   which hands out clones of dateTime values), configure() returning undefined hides the link,
 *   its overrides limited to title/description/path/icon/category and checked again
 *   (utils.ts getLinkExtensionOverrides), at most `limitPerPlugin` links per plugin, and paths
 *   carrying Grafana's tracking parameters (getLinkExtensionPathWithTracking).
 */
import type {
  AppPluginConfig,
  PluginExtensionAddedLinkConfig,
  PluginExtensionEventHelpers,
  PluginExtensionLink,
} from '@grafana/data';
import { dateTime, isDateTime, PluginExtensionTypes } from '@grafana/data';

export interface RegisteredLink extends PluginExtensionAddedLinkConfig {
  pluginId: string;
  extensionPointId: string;
}

export type ModalOpener = PluginExtensionEventHelpers['openModal'];

const registry = new Map<string, RegisteredLink[]>();
const rejected: string[] = [];

const isLinkPathValid = (pluginId: string, path: unknown) =>
  typeof path === 'string' && path.startsWith(`/a/${pluginId}/`);
const asArray = (targets: string | string[]) => (Array.isArray(targets) ? targets : [targets]);

/** Why Grafana would refuse the link (AddedLinksRegistry.ts mapToRegistry), empty when it registers it. */
export function linkErrors(
  pluginId: string,
  link: PluginExtensionAddedLinkConfig,
  app: AppPluginConfig | undefined
): string[] {
  const errors: string[] = [];
  if (!link.title) {
    errors.push('Title is missing.');
  }
  if (!link.description) {
    errors.push('Description is missing.');
  }
  if (link.configure !== undefined && typeof link.configure !== 'function') {
    errors.push('The provided "configure" is not a function.');
  }
  if (!link.path && !link.onClick) {
    errors.push('Either "path" or "onClick" is required.');
  }
  if (link.path && !isLinkPathValid(pluginId, link.path)) {
    errors.push(`The "path" is required and should start with "/a/${pluginId}/".`);
  }
  const declared = app?.extensions?.addedLinks?.find((d) => d.title === link.title);
  if (!declared) {
    errors.push(
      `The extension was not declared in the plugin.json of "${pluginId}". Added link extensions must be listed in the section "extensions.addedLinks[]".`
    );
  } else if (!asArray(link.targets).every((t) => declared.targets.includes(t))) {
    errors.push('The "targets" for the registered extension does not match the targets in plugin.json.');
  }
  return errors;
}

export function registerAddedLinks(
  pluginId: string,
  links: PluginExtensionAddedLinkConfig[],
  app: AppPluginConfig | undefined
): void {
  for (const link of links) {
    const errors = linkErrors(pluginId, link, app);
    if (errors.length > 0) {
      rejected.push(`${pluginId}: "${link.title}": ${errors.join(' ')}`);
      console.warn(`Could not register link extension. Reasons: ${errors.join(' ')}`, { pluginId, title: link.title });
      continue;
    }
    for (const extensionPointId of asArray(link.targets)) {
      registry.set(extensionPointId, [
        ...(registry.get(extensionPointId) ?? []),
        { ...link, pluginId, extensionPointId },
      ]);
    }
  }
}

/** The links refused so far, for people and tests inspecting the preview. */
export const rejectedLinks = () => [...rejected];

const PROXY = Symbol('isReadOnlyProxy');

/** A read-only view of the context: writes are refused, dateTime values are handed out as clones. */
export function readOnly<T extends object>(obj: T): T {
  if (!obj || typeof obj !== 'object' || (obj as Record<symbol, unknown>)[PROXY]) {
    return obj;
  }
  const cache = new WeakMap<object, unknown>();
  return new Proxy(obj, {
    defineProperty: () => false,
    deleteProperty: () => false,
    isExtensible: () => false,
    set: () => false,
    get(target, prop, receiver) {
      if (prop === PROXY) {
        return true;
      }
      const value = Reflect.get(target, prop, receiver);
      if (isDateTime(value)) {
        return dateTime(value);
      }
      if (value && typeof value === 'object') {
        if (!cache.has(value)) {
          cache.set(value, readOnly(value));
        }
        return cache.get(value);
      }
      return value;
    },
  });
}

const ALLOWED_OVERRIDES = new Set(['title', 'description', 'path', 'icon', 'category']);

type Overrides = Partial<Pick<PluginExtensionLink, 'title' | 'description' | 'path' | 'icon' | 'category'>>;

/** configure()'s answer as Grafana applies it; undefined hides the link, a bad answer hides it too. */
function overridesOf(link: RegisteredLink, context: object): Overrides | undefined | 'unconfigured' {
  if (!link.configure) {
    return 'unconfigured';
  }
  const result = link.configure(context as never) as (Overrides & Record<string, unknown>) | undefined;
  if (result === undefined) {
    return undefined;
  }
  if (result instanceof Promise) {
    throw new Error(`The configure() function for "${link.title}" returned a promise, skipping updates.`);
  }
  const {
    title = link.title,
    description = link.description,
    path = link.path,
    icon = link.icon,
    category = link.category,
  } = result;
  if (path && !isLinkPathValid(link.pluginId, path)) {
    throw new Error(
      `Invalid link extension. The "path" is required and should start with "/a/${link.pluginId}/" (currently: "${path}"). Skipping the extension.`
    );
  }
  for (const [name, v] of Object.entries({ title, description })) {
    if (typeof v !== 'string' || v.length === 0) {
      throw new Error(
        `Invalid extension "${title}". Property "${name}" must be a string and cannot be empty. Skipping the extension.`
      );
    }
  }
  const restricted = Object.keys(result).filter((k) => !ALLOWED_OVERRIDES.has(k));
  if (restricted.length > 0) {
    console.warn(
      `Extension "${link.title}", is trying to override restricted properties: ${restricted.join(', ')} which will be ignored.`
    );
  }
  return { title, description, path, icon, category };
}

function withTracking(pluginId: string, path: string, extensionPointId: string): string {
  const url = new URL(path, window.location.origin);
  url.searchParams.set('uel_pid', pluginId);
  url.searchParams.set('uel_epid', extensionPointId);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The links of an extension point for a context, as getPluginExtensions.ts builds them. */
export function getPluginLinks(
  extensionPointId: string,
  context: object,
  limitPerPlugin: number,
  openModal: ModalOpener
): PluginExtensionLink[] {
  const frozen = readOnly(context);
  const perPlugin = new Map<string, number>();
  const out: PluginExtensionLink[] = [];
  for (const link of registry.get(extensionPointId) ?? []) {
    if ((perPlugin.get(link.pluginId) ?? 0) >= limitPerPlugin) {
      continue;
    }
    try {
      const overrides = overridesOf(link, frozen);
      if (overrides === undefined) {
        continue;
      }
      const o = overrides === 'unconfigured' ? {} : overrides;
      const path = o.path || link.path;
      const onClick = link.onClick;
      out.push({
        id: `${link.pluginId}/${extensionPointId}/${link.title}`,
        type: PluginExtensionTypes.link,
        pluginId: link.pluginId,
        title: o.title || link.title,
        description: o.description || link.description || '',
        icon: o.icon || link.icon,
        category: o.category || link.category,
        path: path ? withTracking(link.pluginId, path, extensionPointId) : undefined,
        onClick: onClick
          ? (event) =>
              onClick(event, {
                context: frozen,
                extensionPointId,
                openModal,
                openSidebar: () => {},
                closeSidebar: () => {},
                toggleSidebar: () => {},
              } as unknown as PluginExtensionEventHelpers)
          : undefined,
      });
      perPlugin.set(link.pluginId, (perPlugin.get(link.pluginId) ?? 0) + 1);
    } catch (e) {
      console.warn(e instanceof Error ? e.message : String(e));
    }
  }
  return out;
}
