import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { createTheme, DataFrame, getDefaultTimeRange, LoadingState, type PanelProps } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { Ownership } from '../../model';
import { ownershipFrame } from '../../datasource/connectors/catalog/frames';
import { indexPeople, mapComponents } from '../../datasource/connectors/catalog/mapper';
import { completeComponent, component, group } from '../../datasource/connectors/catalog/testEntities';
import { OwnershipPanel } from './OwnershipPanel';
import { OwnershipOptions } from './types';

const EVIL = '<img src=x onerror="window.__pwned=1">';

function services(entities = [completeComponent('payments')]): Ownership[] {
  return mapComponents(entities, indexPeople([group('team-a', 'Team A', 'a@example.com')]), { source: 'backstage' });
}

function props(
  series: DataFrame[],
  options: Partial<OwnershipOptions> = {},
  width = 800
): PanelProps<OwnershipOptions> {
  return {
    data: { series, state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options: { layout: 'auto', showMissing: true, ...options },
    width,
    height: 400,
  } as unknown as PanelProps<OwnershipOptions>;
}

const many = (n: number) =>
  services(
    Array.from({ length: n }, (_, i) => component(`svc-${i}`, { owner: 'team-a', ownedBy: 'group:default/team-a' }))
  );

describe('OwnershipPanel', () => {
  it('shows one service in full: owner, on-call link, runbook, repo, chat, docs, tier, lifecycle, system', () => {
    render(<OwnershipPanel {...props([ownershipFrame(services())])} />);
    expect(screen.getByTestId('faultline-ownership').dataset.layout).toBe('full');
    const card = screen.getByRole('article', { name: 'Ownership of payments' });
    expect(within(card).getByText('Team A (team-a)')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'PagerDuty' }).getAttribute('href')).toBe(
      'https://app.pagerduty.com/service-directory/PABC123'
    );
    expect(within(card).getByRole('link', { name: 'Runbook' }).getAttribute('href')).toBe(
      'https://runbooks.example.com/payments'
    );
    expect(within(card).getByRole('link', { name: 'acme/payments' }).getAttribute('href')).toBe(
      'https://github.com/acme/payments'
    );
    expect(within(card).getByRole('link', { name: '#team-a' })).toBeTruthy();
    expect(within(card).getByText('tier 1')).toBeTruthy();
    expect(within(card).getByText('production')).toBeTruthy();
    expect(within(card).getByText('shop')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'a@example.com' }).getAttribute('href')).toBe('mailto:a@example.com');
    expect(screen.queryByTestId('faultline-ownership-missing')).toBeNull();
  });

  it('says plainly what the catalog is missing, with the key to add as code', () => {
    render(
      <OwnershipPanel
        {...props([
          ownershipFrame(services([component('bare', { owner: 'team-a', ownedBy: 'group:default/team-a' })])),
        ])}
      />
    );
    const missing = screen.getByTestId('faultline-ownership-missing');
    expect(missing.textContent).toContain('no on-call set — add pagerduty.com/service-id');
    expect(within(missing).getByText('pagerduty.com/service-id').tagName).toBe('CODE');
  });

  it('hides the hints when the option is off', () => {
    render(<OwnershipPanel {...props([ownershipFrame(services([component('bare')]))], { showMissing: false })} />);
    expect(screen.queryByTestId('faultline-ownership-missing')).toBeNull();
  });

  it('never renders a javascript: URL as a link, nor HTML from any field', () => {
    const evil = component('gift-cards', {
      owner: 'team-a',
      ownedBy: 'group:default/team-a',
      description: EVIL,
      annotations: { 'pagerduty.com/service-id': 'P1', 'github.com/project-slug': EVIL },
      links: [
        { url: 'javascript:alert(document.cookie)', title: 'Runbook', type: 'runbook' },
        { url: ' java\tscript:alert(1)', title: EVIL, type: 'dashboard' },
        { url: 'data:text/html,<script>alert(1)</script>', title: 'Docs', type: 'docs' },
      ],
    });
    const { container } = render(<OwnershipPanel {...props([ownershipFrame(services([evil]))])} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    for (const a of Array.from(container.querySelectorAll('a'))) {
      expect(a.getAttribute('href')).toMatch(/^(https:|mailto:)/);
    }
    expect(screen.queryByRole('link', { name: 'Runbook' })).toBeNull();
    expect(screen.getAllByText('Runbook').map((el) => el.tagName)).toEqual(['DT', 'SPAN']);
    expect(screen.queryByRole('link', { name: 'Docs' })).toBeNull();
    expect(container.textContent).toContain(EVIL);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('picks compact cards for a few services and a table for many', () => {
    const { unmount } = render(<OwnershipPanel {...props([ownershipFrame(many(3))])} />);
    expect(screen.getByTestId('faultline-ownership').dataset.layout).toBe('compact');
    expect(screen.getAllByTestId('faultline-ownership-card')).toHaveLength(3);
    unmount();
    render(<OwnershipPanel {...props([ownershipFrame(many(20))])} />);
    expect(screen.getByTestId('faultline-ownership').dataset.layout).toBe('table');
    expect(within(screen.getByTestId('faultline-ownership-table')).getAllByRole('row')).toHaveLength(21);
  });

  it('honours a fixed layout', () => {
    render(<OwnershipPanel {...props([ownershipFrame(services())], { layout: 'table' })} />);
    expect(screen.getByTestId('faultline-ownership-table')).toBeTruthy();
  });

  it('explains an empty result, using the data source notice when there is one', () => {
    const frame = ownershipFrame([]);
    frame.meta = { ...frame.meta, notices: [{ severity: 'warning', text: 'Not in the catalog: ghost.' }] };
    render(<OwnershipPanel {...props([frame])} />);
    expect(screen.getByTestId('faultline-ownership-empty').textContent).toBe('Not in the catalog: ghost.');
  });

  it('ignores frames without a service field and columns that are not JSON', () => {
    const frame = ownershipFrame(services());
    const broken = {
      ...frame,
      fields: frame.fields.map((f) =>
        f.name === 'runbook' || f.name === 'links' ? { ...f, values: ['{not json'] } : f
      ),
    };
    render(<OwnershipPanel {...props([{ name: 'other', length: 1, fields: [] }, broken])} />);
    expect(screen.getByRole('article', { name: 'Ownership of payments' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Runbook' })).toBeNull();
  });

  it('takes its colours from the theme, light and dark', () => {
    const cardClass = (mode: 'light' | 'dark') => {
      const { unmount } = render(
        <ThemeContext.Provider value={createTheme({ colors: { mode } })}>
          <OwnershipPanel {...props([ownershipFrame(services())])} />
        </ThemeContext.Provider>
      );
      const cls = screen.getByTestId('faultline-ownership-card').className;
      unmount();
      return cls;
    };
    expect(cardClass('light')).not.toBe(cardClass('dark'));
  });
});
