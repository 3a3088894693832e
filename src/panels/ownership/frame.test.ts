import { FieldType, type DataFrame } from '@grafana/data';
import { servicesFromFrames } from './frame';

const frame = (fields: Record<string, unknown[]>): DataFrame => ({
  name: 'ownership',
  length: Object.values(fields)[0].length,
  fields: Object.entries(fields).map(([name, values]) => ({ name, type: FieldType.other, values, config: {} })),
});

const runbook = { kind: 'runbook', title: 'Runbook', url: 'https://runbooks.example/web' };
const board = { kind: 'dashboard', title: 'Board', url: 'https://grafana.example/d/web' };
const mail = { name: 'Team', value: 'team@example.com', kind: 'email' };

describe('servicesFromFrames links and contacts', () => {
  it('reads them as objects, as Faultline writes them, and as JSON text, as other tables hold them', () => {
    const [objects, text] = servicesFromFrames([
      frame({ service: ['web'], runbook: [runbook], links: [[runbook, board]], contacts: [[mail]] }),
      frame({
        service: ['web'],
        runbook: [JSON.stringify(runbook)],
        links: [JSON.stringify([runbook, board])],
        contacts: [JSON.stringify([mail])],
      }),
    ]);
    for (const s of [objects, text]) {
      expect(s.runbook).toEqual(runbook);
      expect(s.dashboards).toEqual([board]);
      expect(s.contacts).toEqual([mail]);
    }
  });

  it('drops objects that are no link or contact, and keeps a plain text column as a title', () => {
    const [s] = servicesFromFrames([
      frame({
        service: ['web'],
        runbook: [{ title: 'no url' }],
        repo: ['shop/web'],
        docs: [42],
        links: [[null, 'x', { kind: 'dashboard', title: 1, url: 'u' }]],
        contacts: [[{ value: 3 }, null, mail]],
      }),
    ]);
    expect(s.runbook).toBeUndefined();
    expect(s.repo).toEqual({ title: 'shop/web', url: 'shop/web' });
    expect(s.docs).toEqual({ title: '42', url: '42' });
    expect(s.dashboards).toEqual([]);
    expect(s.contacts).toEqual([mail]);
  });
});
