import React, { useEffect, useState } from 'react';
import { Collapse, Field, FieldSet, Input, RadioButtonGroup } from '@grafana/ui';
import { CHAOS_BACKENDS } from './connectors/chaos/backends';
import { CATALOG_BACKENDS, catalogBackend } from './connectors/catalog/backends';
import { AnnotationKeyMap, CatalogSource } from './types';
import { DEFAULT_ANNOTATION_KEYS } from './connectors/catalog/annotationKeys';
import { ConfigProps, JsonField, ListField, savedDefaults, SecretField, SettingFields } from './editors/config/fields';

const KEY_FIELDS: Array<{ field: keyof AnnotationKeyMap; label: string }> = [
  { field: 'onCall', label: 'On-call' },
  { field: 'chat', label: 'Chat' },
  { field: 'runbook', label: 'Runbook' },
  { field: 'repo', label: 'Repository' },
  { field: 'docs', label: 'Docs' },
  { field: 'tier', label: 'Tier' },
];

const CHAOS_FIELDS = Object.values(CHAOS_BACKENDS).flatMap((b) => b.settings);

/**
 * Settings the data proxy routes read (plugin.json) are saved with their default, so what Grafana
 * sends is what the editor shows: a missing key would render as "<no value>" in a route template.
 */
function useSavedDefaults({ options, onOptionsChange }: ConfigProps) {
  useEffect(() => {
    const unset = savedDefaults(CHAOS_FIELDS).filter((d) => options.jsonData[d.key] === undefined);
    if (unset.length > 0) {
      onOptionsChange({
        ...options,
        jsonData: { ...options.jsonData, ...Object.fromEntries(unset.map((d) => [d.key, d.value])) },
      });
    }
  }, [options, onOptionsChange]);
}

/** Read at render, so the radio offers exactly the registry's catalogs. */
function catalogOptions(): Array<{ label: string; value: CatalogSource }> {
  return [
    ...Object.values(CATALOG_BACKENDS).map((b) => ({ label: b.name, value: b.source })),
    { label: 'None', value: 'none' },
  ];
}

export function ConfigEditor(props: ConfigProps) {
  const { options, onOptionsChange } = props;
  const { jsonData } = options;
  useSavedDefaults(props);
  const setJson = (patch: Partial<typeof jsonData>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const catalog = jsonData.catalogSource ?? 'backstage';
  const backend = catalogBackend(catalog);

  return (
    <>
      <FieldSet label="Service catalog">
        <Field label="Catalog">
          <RadioButtonGroup
            options={catalogOptions()}
            value={catalog}
            onChange={(v) => setJson({ catalogSource: v })}
          />
        </Field>
        {backend && <SettingFields props={props} fields={backend.settings} />}
        {backend?.annotationKeys && <AnnotationKeys {...props} />}
        <Field label="Cache (seconds)" description="Catalog data changes slowly: answers are kept this long">
          <Input
            type="number"
            width={12}
            value={jsonData.cacheTtlSeconds ?? 300}
            onChange={(e) => setJson({ cacheTtlSeconds: Number(e.currentTarget.value) })}
          />
        </Field>
      </FieldSet>

      <FieldSet label="Chaos experiments">
        <SettingFields props={props} fields={CHAOS_FIELDS} />
        <JsonField
          props={props}
          name="tracingDatasourceUid"
          label="Tracing data source UID"
          description="Each run links to Explore with its targets' traces during the run"
          placeholder="tempo"
        />
        <Field label="Tracing data source type">
          <RadioButtonGroup<'tempo' | 'jaeger'>
            options={[
              { label: 'Tempo (TraceQL)', value: 'tempo' },
              { label: 'Jaeger (service search)', value: 'jaeger' },
            ]}
            value={jsonData.tracingDatasourceType ?? 'tempo'}
            onChange={(v) => setJson({ tracingDatasourceType: v })}
          />
        </Field>
      </FieldSet>

      <FieldSet label="Network flows">
        <JsonField
          props={props}
          name="prometheusUrl"
          label="Prometheus-compatible URL"
          description="Prometheus, Thanos, Cortex/Mimir, M3 or VictoriaMetrics"
          placeholder="http://prometheus:9090"
        />
        <JsonField props={props} name="prometheusTenant" label="Tenant (X-Scope-OrgID)" />
        <SecretField
          props={props}
          name="prometheusAuthorization"
          label="Authorization header"
          description='Full value, e.g. "Bearer …" or "Basic …"'
        />
        <Field label="Cross-zone price per GB" description="Used for the cross-zone cost of flows">
          <Input
            type="number"
            width={12}
            step="0.001"
            value={jsonData.costPerGb ?? 0.01}
            onChange={(e) => setJson({ costPerGb: Number(e.currentTarget.value) })}
          />
        </Field>
        <Field label="Cross-cluster price per GB" description="Used instead of the cross-zone price on edges between clusters (regions, clouds)">
          <Input type="number" width={12} step="0.001" value={jsonData.crossClusterCostPerGb ?? ''} onChange={(e) => setJson({ crossClusterCostPerGb: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })} />
        </Field>
        <JsonField props={props} name="flowClusterLabel" label="Cluster label" description="Label naming each series' cluster; empty: the preset's (k8s_cluster_name for Beyla/OBI, else cluster)" placeholder="cluster" />
        <JsonField props={props} name="flowReplicaLabel" label="Replica label" description="Label of high-availability Prometheus replicas the store did not deduplicate: replicas count once" placeholder="prometheus_replica" />
        <StoreFlag label="Thanos dedup" description="Sent as dedup= to Thanos Query; store default: not sent" value={jsonData.thanosDedup} onChange={(v) => setJson({ thanosDedup: v })} />
        <StoreFlag label="Thanos partial response" description="Sent as partial_response=; a partial answer shows as a warning on the panel" value={jsonData.thanosPartialResponse} onChange={(v) => setJson({ thanosPartialResponse: v })} />
      </FieldSet>

      <FieldSet label="Requests">
        <Field label="Timeout (seconds)">
          <Input
            type="number"
            width={12}
            value={jsonData.timeoutSeconds ?? 15}
            onChange={(e) => setJson({ timeoutSeconds: Number(e.currentTarget.value) })}
          />
        </Field>
      </FieldSet>
    </>
  );
}

/** Which entity annotations fill which ownership field; an empty field keeps the defaults shown. */
function AnnotationKeys({ options, onOptionsChange }: ConfigProps) {
  const keys = options.jsonData.annotationKeys ?? {};
  const [open, setOpen] = useState(Object.values(keys).some((list) => list && list.length > 0));
  const setKeys = (field: keyof AnnotationKeyMap, list: string[]) =>
    onOptionsChange({ ...options, jsonData: { ...options.jsonData, annotationKeys: { ...keys, [field]: list } } });
  return (
    <Collapse label="Annotation keys" isOpen={open} onToggle={() => setOpen(!open)}>
      {KEY_FIELDS.map(({ field, label }) => (
        <ListField
          key={field}
          id={`faultline-annotationKeys-${field}`}
          label={label}
          description={`Entity annotations read for ${label.toLowerCase()}, first match wins; comma-separated`}
          placeholder={DEFAULT_ANNOTATION_KEYS[field].join(', ') || 'none: metadata.links only'}
          value={keys[field]}
          onChange={(list) => setKeys(field, list)}
        />
      ))}
    </Collapse>
  );
}

/** A store flag that is sent only when chosen: "store default" leaves the parameter out. */
function StoreFlag(p: { label: string; description: string; value?: boolean; onChange: (v: boolean | undefined) => void }) {
  const current = p.value === undefined ? 'default' : String(p.value);
  return (
    <Field label={p.label} description={p.description}>
      <RadioButtonGroup<string>
        options={[{ label: 'Store default', value: 'default' }, { label: 'On', value: 'true' }, { label: 'Off', value: 'false' }]}
        value={current}
        onChange={(v) => p.onChange(v === 'default' ? undefined : v === 'true')}
      />
    </Field>
  );
}
