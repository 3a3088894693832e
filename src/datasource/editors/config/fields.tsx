import React, { useState } from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';
import { OptionKey, SettingField } from '../../connectors/settings';
import { FaultlineOptions, FaultlineSecureOptions } from '../../types';

export type ConfigProps = DataSourcePluginOptionsEditorProps<FaultlineOptions, FaultlineSecureOptions>;

type StringKeys<T> = { [K in keyof T]-?: T[K] extends string | undefined ? K : never }[keyof T];

/** A text setting stored in jsonData. */
export function JsonField({
  props,
  name,
  label,
  description,
  placeholder,
}: {
  props: ConfigProps;
  name: StringKeys<FaultlineOptions>;
  label: string;
  description?: string;
  placeholder?: string;
}) {
  const { options, onOptionsChange } = props;
  return (
    <Field label={label} description={description}>
      <Input
        id={`faultline-${String(name)}`}
        width={60}
        placeholder={placeholder}
        value={(options.jsonData[name] as string | undefined) ?? ''}
        onChange={(e) =>
          onOptionsChange({ ...options, jsonData: { ...options.jsonData, [name]: e.currentTarget.value } })
        }
      />
    </Field>
  );
}

/** A secret stored in secureJsonData: once saved, the browser only learns that it is set. */
export function SecretField({
  props,
  name,
  label,
  description,
}: {
  props: ConfigProps;
  name: keyof FaultlineSecureOptions;
  label: string;
  description?: string;
}) {
  const { options, onOptionsChange } = props;
  return (
    <Field label={label} description={description}>
      <SecretInput
        id={`faultline-${name}`}
        width={60}
        isConfigured={Boolean(options.secureJsonFields?.[name])}
        value={options.secureJsonData?.[name] ?? ''}
        onChange={(e) =>
          onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, [name]: e.currentTarget.value } })
        }
        onReset={() =>
          onOptionsChange({
            ...options,
            secureJsonFields: { ...options.secureJsonFields, [name]: false },
            secureJsonData: { ...options.secureJsonData, [name]: '' },
          })
        }
      />
    </Field>
  );
}

/** Comma-separated text to a list: blanks dropped, spaces trimmed. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A list setting typed as comma-separated text. The text is kept as typed, so a trailing comma
 * or space survives until the next entry is written; the parsed list is saved on every change.
 */
export function ListField({
  id,
  label,
  description,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  label: string;
  description?: string;
  placeholder?: string;
  value: string[] | undefined;
  onChange: (list: string[]) => void;
}) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <Field label={label} description={description}>
      <Input
        id={id}
        width={60}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          onChange(parseList(e.currentTarget.value));
        }}
      />
    </Field>
  );
}

/** The fields a backend declares (connectors/settings.ts), as the settings page shows them. */
export function SettingFields({ props, fields }: { props: ConfigProps; fields: SettingField[] }) {
  const { options, onOptionsChange } = props;
  return (
    <>
      {fields.map((f) => {
        switch (f.kind) {
          case 'text':
            return (
              <JsonField
                key={f.key}
                props={props}
                name={f.key}
                label={f.label}
                description={f.description}
                placeholder={f.placeholder}
              />
            );
          case 'secret':
            return <SecretField key={f.key} props={props} name={f.key} label={f.label} description={f.description} />;
          case 'list':
            return (
              <ListField
                key={f.key}
                id={`faultline-${f.key}`}
                label={f.label}
                description={f.description}
                placeholder={f.placeholder}
                value={options.jsonData[f.key]}
                onChange={(list) => onOptionsChange({ ...options, jsonData: { ...options.jsonData, [f.key]: list } })}
              />
            );
          case 'choice':
            return (
              <Field key={f.key} label={f.label}>
                <RadioButtonGroup<string>
                  options={f.choices.map((c) => ({ label: c, value: c }))}
                  value={(options.jsonData[f.key] as string | undefined) ?? f.saved}
                  onChange={(v) => onOptionsChange({ ...options, jsonData: { ...options.jsonData, [f.key]: v } })}
                />
              </Field>
            );
        }
      })}
    </>
  );
}

/** Choices a data proxy route reads, with the value to save while unset. */
export function savedDefaults(fields: SettingField[]): Array<{ key: OptionKey; value: string }> {
  return fields.flatMap((f) => (f.kind === 'choice' ? [{ key: f.key, value: f.saved }] : []));
}
