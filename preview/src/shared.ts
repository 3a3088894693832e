/**
 * The packages Grafana hands to plugins instead of letting them bundle their own copy
 * (.config/bundler/externals.ts). The ones every page needs are imported eagerly; the rest
 * load on first request so the shell stays small.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRouter from 'react-router';
import * as reactRouterDom from 'react-router-dom';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

type Loader = () => Promise<unknown>;

const eager: Record<string, unknown> = {
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUi,
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  'react/jsx-dev-runtime': jsxRuntime,
  'react-router': reactRouter,
  'react-router-dom': reactRouterDom,
  rxjs,
  'rxjs/operators': rxjsOperators,
};

const lazy: Record<string, Loader> = {
  // Grafana shares it lazily (public/app/features/plugins/loader/sharedDependencies.ts); in 12.4 it
  // holds no API yet, and @grafana/scenes 9 imports it to detect newer hosts.
  '@grafana/runtime/unstable': () => import('@grafana/runtime/unstable'),
  lodash: () => import('lodash'),
  moment: () => import('moment'),
  jquery: () => import('jquery'),
  i18next: () => import('i18next'),
  'react-redux': () => import('react-redux'),
  redux: () => import('redux'),
  d3: () => import('d3'),
  prismjs: () => import('prismjs'),
  slate: () => import('slate'),
  'slate-plain-serializer': () => import('slate-plain-serializer'),
};

/** Names a plugin may import from the host; anything else it must bundle itself. */
export const SHARED_NAMES = [...Object.keys(eager), ...Object.keys(lazy)];

/** CommonJS packages come back from import() wrapped; AMD factories expect the CommonJS value. */
function unwrap(mod: unknown): unknown {
  const m = mod as { default?: unknown; __esModule?: boolean };
  return m && m.default !== undefined && Object.keys(m).length <= 2 ? m.default : mod;
}

export async function resolveShared(name: string): Promise<unknown> {
  if (name in eager) {
    return eager[name];
  }
  if (name in lazy) {
    return unwrap(await lazy[name]());
  }
  throw new Error(`the plugin imports "${name}", which Grafana does not share with plugins`);
}
