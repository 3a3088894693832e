import React from 'react';
import type { PluginExtensionAddedLinkConfig } from '@grafana/data';
import pluginJson from '../plugin.json';
import { subjectOf } from './contexts';
import { currentServiceLabels } from './labelSettings';
import { OtherServicesModal } from './OtherServicesModal';
import { chaosRunsPath, servicePath } from './paths';

/**
 * The declarations in plugin.json `extensions.addedLinks`, by title: Grafana registers a link only
 * when its title and targets are declared there (public/app/features/plugins/extensions/
 * registry/AddedLinksRegistry.ts), so the code takes them from the one place.
 */
function declared(title: string) {
  const d = pluginJson.extensions.addedLinks.find((l) => l.title === title);
  if (!d) {
    throw new Error(`plugin.json declares no added link "${title}"`);
  }
  return { title: d.title, description: d.description, targets: d.targets };
}

const subject = (context: object | undefined) => subjectOf(context, currentServiceLabels());

/** Grafana's panel menu cuts titles at 24 characters (utils.ts truncateTitle(title, 25)). */
const whoOwns = (service: string) => `Who owns ${service}?`;

/**
 * Grafana shows at most three links per plugin at each of these points (limitPerPlugin: 3 in
 * PanelMenuBehavior.tsx, ToolbarExtensionPoint.tsx, AlertInstanceExtensionPoint.tsx), and a link's
 * configure() can change its path but never its onClick. So: the first service, the second (or a
 * list of all when there are more), and the chaos runs.
 */
export const addedLinks: PluginExtensionAddedLinkConfig[] = [
  {
    ...declared('Who owns this service?'),
    icon: 'user',
    path: servicePath(''),
    configure: (context) => {
      const [first] = subject(context).services;
      return first === undefined ? undefined : { title: whoOwns(first), path: servicePath(first) };
    },
  },
  {
    ...declared('Who owns the other services?'),
    icon: 'users-alt',
    configure: (context) => {
      const { services } = subject(context);
      if (services.length < 2) {
        return undefined;
      }
      return services.length === 2
        ? { title: whoOwns(services[1]), path: servicePath(services[1]) }
        : { title: `Who owns the other ${services.length - 1}?` };
    },
    onClick: (event, { context, openModal }) => {
      const { services } = subject(context);
      // With two services configure() gave the link the second one's path: the menu follows it.
      if (services.length > 2) {
        event?.preventDefault();
        openModal({
          title: 'Who owns the services of this panel?',
          body: ({ onDismiss }) => <OtherServicesModal services={services} onDismiss={onDismiss} />,
        });
      }
    },
  },
  {
    ...declared('Chaos runs in this time range'),
    icon: 'bolt',
    path: chaosRunsPath([]),
    configure: (context) => {
      const { services, timeRange } = subject(context);
      // "Chaos runs in this time range" would be cut by the panel menu.
      return services.length === 0
        ? undefined
        : { title: 'Chaos runs in this range', path: chaosRunsPath(services, timeRange) };
    },
  },
];
