import React from 'react';
import { Field, FieldSet, InlineField, InlineFieldRow, InlineSwitch, Input } from '@grafana/ui';
import { RULE_IDS, RULE_LABELS, ScorecardSettings } from '../../scorecard';
import { testIds } from '../testIds';

interface Props {
  value: ScorecardSettings;
  onChange: (next: ScorecardSettings) => void;
}

const num = (raw: string, fallback: number) => (raw.trim() === '' || !Number.isFinite(Number(raw)) ? fallback : Number(raw));

/** The readiness rules: which count, how much, the chaos window and the score that means ready. */
export function ScorecardRules({ value, onChange }: Props) {
  return (
    <FieldSet label="Readiness scorecard">
      {RULE_IDS.map((id) => (
        <InlineFieldRow key={id}>
          <InlineField label={RULE_LABELS[id].label} tooltip={RULE_LABELS[id].description} labelWidth={20}>
            <InlineSwitch
              data-testid={testIds.appConfig.rule(id)}
              value={value.rules[id].enabled}
              onChange={(e) => onChange({ ...value, rules: { ...value.rules, [id]: { ...value.rules[id], enabled: e.currentTarget.checked } } })}
            />
          </InlineField>
          <InlineField label="Weight" disabled={!value.rules[id].enabled}>
            <Input
              data-testid={testIds.appConfig.ruleWeight(id)}
              type="number"
              min={0}
              max={100}
              width={8}
              value={value.rules[id].weight}
              onChange={(e) => onChange({ ...value, rules: { ...value.rules, [id]: { ...value.rules[id], weight: num(e.currentTarget.value, 1) } } })}
            />
          </InlineField>
        </InlineFieldRow>
      ))}
      <Field label="Chaos window (days)" description="A chaos run counts as recent when it started within this many days">
        <Input data-testid={testIds.appConfig.chaosWindow} type="number" min={1} width={10} value={value.chaosWindowDays} onChange={(e) => onChange({ ...value, chaosWindowDays: num(e.currentTarget.value, 30) })} />
      </Field>
      <Field label="Ready from score" description="Services scoring this much (0–100) or more count as ready">
        <Input data-testid={testIds.appConfig.readyScore} type="number" min={0} max={100} width={10} value={value.readyScore} onChange={(e) => onChange({ ...value, readyScore: num(e.currentTarget.value, 80) })} />
      </Field>
      <Field label="Callers that are no service" description="Comma-separated node names never counted as unknown callers (Tempo's virtual client is `user`)">
        <Input
          data-testid={testIds.appConfig.ignoredCallers}
          width={40}
          defaultValue={value.ignoredCallers.join(', ')}
          onBlur={(e) => onChange({ ...value, ignoredCallers: e.currentTarget.value.split(',').map((c) => c.trim()).filter(Boolean) })}
        />
      </Field>
    </FieldSet>
  );
}
