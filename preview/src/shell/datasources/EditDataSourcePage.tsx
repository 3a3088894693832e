/**
 * Grafana's data source settings page at /connections/datasources/edit/<uid>
 * (public/app/features/datasources/components/EditDataSource.tsx, BasicSettings.tsx,
 * DataSourcePluginSettings.tsx, ButtonRow.tsx): the settings read from the API (secrets only as
 * secureJsonFields), the plugin's ConfigEditor editing them in page state, and "Save & test" —
 * or "Test" alone when the data source is read-only (provisioned without `editable: true`).
 */
import React, { FormEvent, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  DataSourceApi,
  DataSourcePlugin,
  DataSourcePluginContextProvider,
  DataSourcePluginMeta,
  DataSourceSettings,
} from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, TestingStatus } from '@grafana/runtime';
import { Alert, Button, InlineField, InlineSwitch, Input, LoadingPlaceholder, Stack } from '@grafana/ui';
import { loadPluginModule } from '../../loader';
import { DataSourceTestingStatus } from './DataSourceTestingStatus';
import { loadDataSource, parseHealthCheckError, saveDataSource, testDataSource } from './saveAndTest';

type AnyDataSourcePlugin = DataSourcePlugin<DataSourceApi>;

async function loadPlugin(type: string): Promise<AnyDataSourcePlugin> {
  const meta = await getBackendSrv().get<DataSourcePluginMeta>(`/api/plugins/${encodeURIComponent(type)}/settings`);
  const { plugin } = await loadPluginModule(meta.module);
  if (!(plugin instanceof DataSourcePlugin)) {
    throw new Error(`${meta.module} does not export a DataSourcePlugin`);
  }
  plugin.meta = meta;
  return plugin as AnyDataSourcePlugin;
}

export function EditDataSourcePage() {
  const { uid = '' } = useParams();
  const [dataSource, setDataSource] = useState<DataSourceSettings>();
  const [plugin, setPlugin] = useState<AnyDataSourcePlugin>();
  const [loadError, setLoadError] = useState<string>();
  const [testingStatus, setTestingStatus] = useState<TestingStatus>();

  useEffect(() => {
    let cancelled = false;
    loadDataSource(uid)
      .then(async (ds) => {
        const p = await loadPlugin(ds.type);
        if (!cancelled) {
          setDataSource(ds);
          setPlugin(p);
        }
      })
      .catch((e) => !cancelled && setLoadError(parseHealthCheckError(e).message ?? String(e)));
    return () => {
      cancelled = true;
    };
  }, [uid]);

  const onTest = useCallback(() => testDataSource(uid, setTestingStatus), [uid]);

  if (loadError) {
    return <Alert title="Unable to load data source">{loadError}</Alert>;
  }
  if (!dataSource || !plugin) {
    return <LoadingPlaceholder text="Loading data source…" />;
  }
  const dsi = getDataSourceSrv().getInstanceSettings(dataSource.uid);
  // useDataSourceRights: read-only when provisioned so, writable with datasources:write in the metadata.
  const canWrite =
    (dataSource as DataSourceSettings & { accessControl?: Record<string, boolean> }).accessControl?.[
      'datasources:write'
    ] === true;
  const canSave = !dataSource.readOnly && canWrite;
  const ConfigEditor = plugin.components.ConfigEditor;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setDataSource(await saveDataSource({ ...dataSource }));
    } catch (err) {
      setTestingStatus(parseHealthCheckError(err));
      return;
    }
    onTest();
  };

  return (
    <form onSubmit={onSubmit} data-testid="preview-datasource-settings" style={{ maxWidth: 900 }}>
      <h1>{dataSource.name}</h1>
      <p>Type: {plugin.meta.name}</p>
      {dataSource.readOnly && (
        <Alert
          severity="info"
          title="Provisioned data source"
          data-testid="data-testid Data source settings page read only message"
        >
          This data source was added by config and cannot be modified using the UI. Please contact your server admin to
          update this data source.
        </Alert>
      )}
      <Stack alignItems="center">
        <InlineField label="Name" grow disabled={!canSave}>
          <Input
            id="basic-settings-name"
            value={dataSource.name}
            required
            data-testid="data-testid Data source settings page name input field"
            onChange={(e) => setDataSource({ ...dataSource, name: e.currentTarget.value })}
          />
        </InlineField>
        <InlineField label="Default" labelWidth={8} disabled={!canSave}>
          <InlineSwitch
            id="basic-settings-default"
            value={dataSource.isDefault}
            onChange={(e) => setDataSource({ ...dataSource, isDefault: e.currentTarget.checked })}
          />
        </InlineField>
      </Stack>
      {ConfigEditor && dsi && (
        <DataSourcePluginContextProvider instanceSettings={dsi}>
          <ConfigEditor options={dataSource} onOptionsChange={setDataSource} />
        </DataSourcePluginContextProvider>
      )}
      <DataSourceTestingStatus testingStatus={testingStatus} uid={dataSource.uid} />
      <div style={{ display: 'flex', gap: 8, marginTop: 16 }}>
        {canSave ? (
          <Button
            type="submit"
            variant="primary"
            data-testid="data-testid Data source settings page Save and Test button"
          >
            Save &amp; test
          </Button>
        ) : (
          <Button type="button" variant="primary" onClick={onTest}>
            Test
          </Button>
        )}
      </div>
    </form>
  );
}
