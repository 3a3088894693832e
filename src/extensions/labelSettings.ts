import { getBackendSrv } from '@grafana/runtime';
import { PLUGIN_ID } from '../constants';
import type { AppSettings } from '../components/AppConfig/settings';
import { DEFAULT_SERVICE_LABELS, serviceLabels } from './services';

let labels = DEFAULT_SERVICE_LABELS;
let requested = false;

/**
 * The service labels of the app settings. An extension's configure() runs synchronously and Grafana
 * hands it no app settings (config.apps carries no jsonData), so the settings are read once, the
 * first time a link is configured, and the defaults apply until they arrive.
 */
export function currentServiceLabels(): string[] {
  if (!requested) {
    requested = true;
    getBackendSrv()
      .get<{ jsonData?: AppSettings }>(`/api/plugins/${PLUGIN_ID}/settings`, undefined, undefined, {
        showErrorAlert: false,
      })
      .then((meta) => {
        labels = serviceLabels(meta?.jsonData?.extensionServiceLabels);
      })
      .catch(() => {
        // Users without access to the app settings keep the default labels.
      });
  }
  return labels;
}
