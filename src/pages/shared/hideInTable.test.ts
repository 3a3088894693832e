import './jsdomShims';
import { PanelBuilders } from '@grafana/scenes';
import { hideInTable } from './hideInTable';

describe('hideInTable', () => {
  it('overrides the one property Grafana’s table registers for hiding: custom.hideFrom.viz', () => {
    const panel = PanelBuilders.table()
      .setOverrides((b) => hideInTable(b, ['run_id', 'notes']))
      .build();
    expect(panel.state.fieldConfig.overrides).toEqual([
      { matcher: { id: 'byName', options: 'run_id' }, properties: [{ id: 'custom.hideFrom.viz', value: true }] },
      { matcher: { id: 'byName', options: 'notes' }, properties: [{ id: 'custom.hideFrom.viz', value: true }] },
    ]);
  });
});
