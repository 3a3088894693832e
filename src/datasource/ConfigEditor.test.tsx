import { fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';
import { ConfigEditor } from './ConfigEditor';
import { ConfigProps } from './editors/config/fields';

/** The editor as Grafana hosts it: the options it reports come back as its props. */
function Host({ initial, seen }: { initial: ConfigProps['options']['jsonData']; seen: Array<ConfigProps['options']> }) {
  const [options, setOptions] = useState({ jsonData: initial, secureJsonFields: {} } as unknown as ConfigProps['options']);
  return (
    <ConfigEditor
      options={options}
      onOptionsChange={(o) => {
        seen.push(o);
        setOptions(o);
      }}
    />
  );
}

/** Types `text` one character at a time onto what the input shows, as a user does. */
function typeInto(input: HTMLElement, text: string) {
  for (const ch of text) {
    fireEvent.change(input, { target: { value: (input as HTMLInputElement).value + ch } });
  }
}

describe('ConfigEditor', () => {
  it('keeps a comma being typed in the catalog files list and saves the parsed paths', () => {
    const seen: Array<ConfigProps['options']> = [];
    render(<Host initial={{ catalogSource: 'catalog-files' }} seen={seen} />);
    const files = document.getElementById('faultline-catalogFiles') as HTMLInputElement;
    typeInto(files, 'services/a.yaml, services/b.yaml');
    expect(files.value).toBe('services/a.yaml, services/b.yaml');
    expect(seen.at(-1)?.jsonData.catalogFiles).toEqual(['services/a.yaml', 'services/b.yaml']);
  });

  it('edits the annotation keys per ownership field, showing the defaults until one is set', () => {
    const seen: Array<ConfigProps['options']> = [];
    render(<Host initial={{ catalogSource: 'backstage' }} seen={seen} />);
    expect(document.getElementById('faultline-annotationKeys-runbook')).toBeNull();
    fireEvent.click(screen.getByText('Annotation keys'));
    const onCall = document.getElementById('faultline-annotationKeys-onCall') as HTMLInputElement;
    expect(onCall.placeholder).toContain('pagerduty.com/service-id');
    typeInto(document.getElementById('faultline-annotationKeys-runbook')!, 'acme.com/runbook, ops/runbook');
    expect(seen.at(-1)?.jsonData.annotationKeys).toEqual({ runbook: ['acme.com/runbook', 'ops/runbook'] });
  });

  it('opens the annotation keys when some are configured, and offers none for OpsLevel', () => {
    const { unmount } = render(<Host initial={{ catalogSource: 'backstage', annotationKeys: { tier: ['acme.com/tier'] } }} seen={[]} />);
    expect((document.getElementById('faultline-annotationKeys-tier') as HTMLInputElement).value).toBe('acme.com/tier');
    unmount();
    render(<Host initial={{ catalogSource: 'opslevel' }} seen={[]} />);
    expect(screen.queryByText('Annotation keys')).toBeNull();
  });

  it('saves the default Gremlin scheme the gremlin route reads, and keeps a chosen one', () => {
    const seen: Array<ConfigProps['options']> = [];
    const { unmount } = render(<Host initial={{}} seen={seen} />);
    expect(seen.at(-1)?.jsonData.gremlinAuthScheme).toBe('Key');
    unmount();
    const kept: Array<ConfigProps['options']> = [];
    render(<Host initial={{ gremlinAuthScheme: 'Bearer' }} seen={kept} />);
    expect(kept).toEqual([]);
  });

  it('asks for read-only tokens where the route allows POST', () => {
    render(<Host initial={{ catalogSource: 'opslevel' }} seen={[]} />);
    expect(screen.getAllByText(/Use a read-only token/)).toHaveLength(2);
  });
});
