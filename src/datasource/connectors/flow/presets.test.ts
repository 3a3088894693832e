import { FLOW_PRESETS } from '../../types';
import { CUSTOM_PRESET, PRESETS, presetOptions } from './presets';

describe('flow presets are one table', () => {
  it('offers every preset once, labelled by its table entry', () => {
    const options = presetOptions();
    expect(options.map((o) => o.value)).toEqual([...FLOW_PRESETS]);
    for (const o of options) {
      expect(o.label).toBe(o.value === 'custom' ? CUSTOM_PRESET.label : PRESETS[o.value].label);
    }
    expect(new Set(options.map((o) => o.label)).size).toBe(options.length);
  });

  it.each(Object.entries(PRESETS))('%s measures its primary measure and groups by workload', (_, p) => {
    expect(p.measures.map((m) => m.measure)).toContain(p.primary);
    expect(p.groupings.workload).toBeDefined();
  });
});
