import { FaultlineOptions, FaultlineSecureOptions } from '../types';

export type StringKeys<T> = { [K in keyof T]-?: T[K] extends string | undefined ? K : never }[keyof T];
export type ListKeys<T> = { [K in keyof T]-?: T[K] extends string[] | undefined ? K : never }[keyof T];

/**
 * One setting a backend needs, as the data source settings page shows it. Backends declare their
 * own, so adding a backend adds its fields to the page without editing the page.
 */
export type OptionKey = StringKeys<FaultlineOptions>;

export type SettingField =
  | { kind: 'text'; key: StringKeys<FaultlineOptions>; label: string; description?: string; placeholder?: string }
  | { kind: 'secret'; key: keyof FaultlineSecureOptions; label: string; description?: string }
  /** Typed as comma-separated text, saved as a list. */
  | { kind: 'list'; key: ListKeys<FaultlineOptions>; label: string; description?: string; placeholder?: string }
  | {
      kind: 'choice';
      key: StringKeys<FaultlineOptions>;
      label: string;
      choices: string[];
      /** Saved when unset: a data proxy route reads this key, and a missing key renders "<no value>". */
      saved: string;
    };

/** GraphQL needs POST, so a route of plugin.json allows it: what the token may do is what any user may do. */
export const READ_ONLY_TOKEN =
  "Use a read-only token: GraphQL needs POST, and Grafana's data proxy adds this token to every POST any user of this data source sends to this route";
