import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { AppPluginMeta, PluginConfigPageProps, PluginMeta } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Button, Field, FieldSet } from '@grafana/ui';
import { DATASOURCE_TYPE } from '../../constants';
import { testIds } from '../testIds';

export interface AppSettings {
  /** uid of the Faultline data source the app pages query. */
  datasourceUid?: string;
}

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppSettings>> {}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const { enabled, pinned, jsonData } = plugin.meta;
  const [datasourceUid, setDatasourceUid] = useState(jsonData?.datasourceUid ?? '');

  return (
    <form
      data-testid={testIds.appConfig.container}
      onSubmit={(e) => {
        e.preventDefault();
        updatePluginAndReload(plugin.meta.id, { enabled, pinned, jsonData: { ...jsonData, datasourceUid } });
      }}
    >
      <FieldSet label="Data source">
        <Field label="Faultline data source" description="The instance the app's pages query">
          <div data-testid={testIds.appConfig.datasource}>
            <DataSourcePicker
              pluginId={DATASOURCE_TYPE}
              current={datasourceUid || null}
              noDefault
              onChange={(ds) => setDatasourceUid(ds.uid)}
            />
          </div>
        </Field>
        <Button type="submit" data-testid={testIds.appConfig.submit}>
          Save settings
        </Button>
      </FieldSet>
    </form>
  );
};

export default AppConfig;

async function updatePluginAndReload(pluginId: string, data: Partial<PluginMeta<AppSettings>>) {
  await lastValueFrom(getBackendSrv().fetch({ url: `/api/plugins/${pluginId}/settings`, method: 'POST', data }));
  window.location.reload();
}
