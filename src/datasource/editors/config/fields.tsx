import React, { useState } from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, Input, SecretInput } from '@grafana/ui';
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
        onChange={(e) => onOptionsChange({ ...options, jsonData: { ...options.jsonData, [name]: e.currentTarget.value } })}
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
