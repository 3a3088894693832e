import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Checkbox, Field, Input, LoadingPlaceholder, Stack, TextLink, useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { usePageSettings } from '../shared/SettingsContext';
import type { Overlay, OverlayState } from './overlays';
import { useOverlayRows, type Action, type Row } from './useOverlayRows';

function stateText(s: OverlayState | undefined): string {
  if (s === undefined) {
    return '–';
  }
  return s === 'added' ? 'added here' : s === 'absent' ? 'none' : `by hand: ${s.other}`;
}

const ACTIONS: Array<{ overlay: Overlay; action: Action; label: string }> = [
  { overlay: 'chaos', action: 'add', label: 'Add chaos annotation' },
  { overlay: 'chaos', action: 'remove', label: 'Remove chaos annotation' },
  { overlay: 'ownership', action: 'add', label: 'Add ownership panel' },
  { overlay: 'ownership', action: 'remove', label: 'Remove ownership panel' },
];

/**
 * The overlay manager: which dashboards carry the Faultline chaos annotation and an ownership
 * panel, and adding or removing either on the selected ones.
 */
export default function OverlaysPage() {
  const settings = usePageSettings();
  const styles = useStyles2(getStyles);
  const { rows, error, apply } = useOverlayRows(settings);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [service, setService] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (targets: Row[], overlay: Overlay, action: Action, reread = false) => {
    setBusy(true);
    try {
      for (const row of targets) {
        await apply(row, overlay, action, service, reread);
      }
    } finally {
      setBusy(false);
    }
  };
  const chosen = (rows ?? []).filter((r) => selected.has(r.hit.uid));
  const toggle = (uid: string) =>
    setSelected((s) => new Set(s.has(uid) ? [...s].filter((u) => u !== uid) : [...s, uid]));

  return (
    <div className={styles.page} data-testid={testIds.overlays.container}>
      <h1>Overlays</h1>
      <p className={styles.help}>
        Add the Faultline chaos annotation or an ownership panel to existing dashboards, or take out what this page
        added. Both follow the dashboard&apos;s service variable; a dashboard without one uses the service chosen here.
      </p>
      {error && <Alert title="The dashboards could not be listed">{error}</Alert>}
      <Stack gap={2} alignItems="flex-end" wrap="wrap">
        <Field label="Service for dashboards without a service variable" noMargin>
          <Input
            data-testid={testIds.overlays.service}
            width={32}
            value={service}
            onChange={(e) => setService(e.currentTarget.value)}
          />
        </Field>
        {ACTIONS.map(({ overlay, action, label }) => (
          <Button
            key={`${action}-${overlay}`}
            variant={action === 'add' ? 'primary' : 'secondary'}
            disabled={busy || chosen.length === 0}
            onClick={() => run(chosen, overlay, action)}
            data-testid={testIds.overlays.action(overlay, action)}
          >
            {label}
          </Button>
        ))}
      </Stack>
      {!rows && !error && <LoadingPlaceholder text="Reading the dashboards…" />}
      {rows && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th />
              <th>Dashboard</th>
              <th>Chaos annotation</th>
              <th>Ownership panel</th>
              <th>Service</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.hit.uid}
                data-testid={testIds.overlays.row(r.hit.uid)}
                data-locked={r.locked ? 'true' : 'false'}
              >
                <td>
                  <Checkbox
                    aria-label={`Select ${r.hit.title}`}
                    disabled={Boolean(r.locked)}
                    value={selected.has(r.hit.uid) && !r.locked}
                    onChange={() => toggle(r.hit.uid)}
                  />
                </td>
                <td>
                  <TextLink href={r.hit.url} inline={false}>
                    {r.hit.title}
                  </TextLink>
                </td>
                <td data-testid="overlay-chaos">{stateText(r.inspection?.chaos)}</td>
                <td data-testid="overlay-ownership">{stateText(r.inspection?.ownership)}</td>
                <td>{r.inspection?.serviceVariable ?? (r.read ? 'the service chosen above' : '–')}</td>
                <td data-testid="overlay-outcome" data-kind={r.outcome?.kind ?? (r.locked ? 'locked' : '')}>
                  {r.outcome?.text ?? r.locked ?? ''}
                  {r.outcome?.retry && (
                    <Button
                      size="sm"
                      variant="secondary"
                      className={styles.retry}
                      disabled={busy}
                      onClick={() => run([r], r.outcome!.retry!.overlay, r.outcome!.retry!.action, true)}
                    >
                      Read it again and retry
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2), display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  help: css({ color: theme.colors.text.secondary, maxWidth: 900 }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  retry: css({ marginLeft: theme.spacing(1) }),
});
