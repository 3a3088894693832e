import { setBackendSrv, type BackendSrv } from '@grafana/runtime';
import { currentServiceLabels } from './labelSettings';
import { DEFAULT_SERVICE_LABELS } from './services';

it('uses the defaults until the app settings arrive, then their labels, reading them once', async () => {
  const get = jest.fn().mockResolvedValue({ jsonData: { extensionServiceLabels: 'team_service, app' } });
  setBackendSrv({ get } as unknown as BackendSrv);
  expect(currentServiceLabels()).toEqual(DEFAULT_SERVICE_LABELS);
  await new Promise((r) => setTimeout(r, 0));
  expect(currentServiceLabels()).toEqual(['team_service', 'app']);
  expect(get).toHaveBeenCalledTimes(1);
  expect(get.mock.calls[0][0]).toBe('/api/plugins/faultline-app/settings');
});
