import { resolveShared } from './shared';

type Factory = (...deps: unknown[]) => unknown;
type Define = ((deps: string[] | Factory, factory?: Factory) => void) & { amd: boolean };

const cache = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Loads a built plugin module (an AMD `define` from create-plugin's webpack) the way Grafana's
 * loader does: shared packages come from the host, and the `module` dependency carries the
 * module's own URL, from which webpack derives where its lazy chunks live.
 */
export function loadPluginModule(path: string): Promise<Record<string, unknown>> {
  // Grafana's boot data names modules relative to the app root ("public/plugins/…").
  const url = new URL(/^(\/|https?:)/.test(path) ? path : `/${path}`, window.location.href).href;
  let p = cache.get(url);
  if (!p) {
    p = evaluate(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p;
}

async function evaluate(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`could not load ${url}: HTTP ${res.status}`);
  }
  const source = await res.text();
  let pending: Promise<unknown> | undefined;
  const define = ((depsOrFactory: string[] | Factory, maybeFactory?: Factory) => {
    const deps = Array.isArray(depsOrFactory) ? depsOrFactory : [];
    const factory = (Array.isArray(depsOrFactory) ? maybeFactory : depsOrFactory) as Factory;
    pending = Promise.all(deps.map((d) => (d === 'module' ? { uri: url, id: url } : resolveShared(d)))).then((args) =>
      factory(...args)
    );
  }) as Define;
  define.amd = true;
  // eslint-disable-next-line no-new-func -- evaluating a plugin bundle is what a plugin loader does
  new Function('define', `${source}\n//# sourceURL=${url}`)(define);
  if (!pending) {
    throw new Error(`${url} is not an AMD module: it never called define()`);
  }
  return (await pending) as Record<string, unknown>;
}
