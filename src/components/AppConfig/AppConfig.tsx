import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { AppPluginMeta, PluginConfigPageProps, PluginMeta } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Button, Combobox, Field, FieldSet, Input } from '@grafana/ui';
import { DATASOURCE_TYPE } from '../../constants';
import { FLOW_PRESETS, FlowPreset } from '../../datasource/types';
import { DEFAULT_SERVICE_LABELS } from '../../extensions/services';
import { resolveSettings } from '../../scorecard';
import { testIds } from '../testIds';
import { ScorecardRules } from './ScorecardRules';
import { AppSettings, pageSettings } from './settings';

export type { AppSettings } from './settings';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppSettings>> {}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const { enabled, pinned, jsonData } = plugin.meta;
  const initial = pageSettings(jsonData);
  const [form, setForm] = useState({ ...initial, scorecard: resolveSettings(jsonData?.scorecard) });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const [extensionServiceLabels, setExtensionServiceLabels] = useState(jsonData?.extensionServiceLabels ?? '');

  return (
    <form
      data-testid={testIds.appConfig.container}
      onSubmit={(e) => {
        e.preventDefault();
        updatePluginAndReload(plugin.meta.id, {
          enabled,
          pinned,
          jsonData: { ...jsonData, ...form, extensionServiceLabels },
        });
      }}
    >
      <FieldSet label="Data">
        <Field label="Faultline data source" description="The instance the app's pages query">
          <div data-testid={testIds.appConfig.datasource}>
            <DataSourcePicker
              pluginId={DATASOURCE_TYPE}
              current={form.datasourceUid || null}
              noDefault
              onChange={(ds) => set({ datasourceUid: ds.uid })}
            />
          </div>
        </Field>
        <Field
          label="Metrics data source"
          description="Prometheus-compatible store with the services' HTTP metrics, for the service page"
        >
          <div data-testid={testIds.appConfig.metricsDatasource}>
            <DataSourcePicker
              type="prometheus"
              current={form.metricsDatasourceUid || null}
              noDefault
              onChange={(ds) => set({ metricsDatasourceUid: ds.uid })}
            />
          </div>
        </Field>
        <Field label="Service label" description="Label naming the service on http_server_requests_total and friends">
          <Input
            data-testid={testIds.appConfig.serviceLabel}
            width={20}
            value={form.serviceLabel}
            onChange={(e) => set({ serviceLabel: e.currentTarget.value })}
          />
        </Field>
        <Field
          label="Service labels on other panels"
          description={`Series labels naming the service for the "Who owns …?" links on panel menus, Explore and alerts, comma separated (default: ${DEFAULT_SERVICE_LABELS.join(', ')})`}
        >
          <Input
            data-testid={testIds.appConfig.extensionServiceLabels}
            width={48}
            placeholder={DEFAULT_SERVICE_LABELS.join(', ')}
            value={extensionServiceLabels}
            onChange={(e) => setExtensionServiceLabels(e.currentTarget.value)}
          />
        </Field>
        <Field label="Flow preset" description="Which flow metrics the pages and scorecards read">
          <div data-testid={testIds.appConfig.flowPreset}>
            <Combobox<FlowPreset>
              width={24}
              options={FLOW_PRESETS.filter((p) => p !== 'custom').map((p) => ({ value: p, label: p }))}
              value={form.flowPreset}
              onChange={(o) => set({ flowPreset: o.value })}
            />
          </div>
        </Field>
      </FieldSet>
      <ScorecardRules value={form.scorecard} onChange={(scorecard) => set({ scorecard })} />
      <Button type="submit" data-testid={testIds.appConfig.submit}>
        Save settings
      </Button>
    </form>
  );
};

export default AppConfig;

async function updatePluginAndReload(pluginId: string, data: Partial<PluginMeta<AppSettings>>) {
  await lastValueFrom(getBackendSrv().fetch({ url: `/api/plugins/${pluginId}/settings`, method: 'POST', data }));
  window.location.reload();
}
