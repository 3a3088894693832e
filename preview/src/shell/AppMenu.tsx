/**
 * The apps part of Grafana's menu, drawn from the boot data's navTree exactly as the server built it
 * (preview/server/navtree.mjs, after Grafana's applinks.go): the app's link, then its children.
 */
import React from 'react';
import { Link } from 'react-router-dom';
import type { NavModelItem } from '@grafana/data';
import { config } from '@grafana/runtime';

export function AppMenu() {
  const apps = config.bootData.navTree.find((n) => n.id === 'apps')?.children ?? [];
  return (
    <nav data-testid="preview-app-menu" aria-label="Apps" style={{ display: 'flex', gap: 16 }}>
      {apps.map((app: NavModelItem) => (
        <span key={app.id} style={{ display: 'flex', gap: 8 }}>
          <Link to={app.url ?? '/'} data-testid="preview-app-menu-app">
            {app.text}
          </Link>
          <ul
            aria-label={`${app.text} pages`}
            style={{ display: 'flex', gap: 8, margin: 0, padding: 0, listStyle: 'none' }}
          >
            {(app.children ?? []).map((child) => (
              <li key={child.url}>
                <Link to={child.url ?? '/'}>{child.text}</Link>
              </li>
            ))}
          </ul>
        </span>
      ))}
    </nav>
  );
}
