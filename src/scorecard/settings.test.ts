import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { RULE_IDS } from './types';

describe('resolveSettings', () => {
  it('gives every rule, enabled with weight 1, a 30 day window and 80 to be ready when nothing is configured', () => {
    const s = resolveSettings(undefined);
    expect(Object.keys(s.rules).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.values(s.rules).every((r) => r.enabled && r.weight === 1)).toBe(true);
    expect(s.chaosWindowDays).toBe(30);
    expect(s.readyScore).toBe(80);
    expect(s.ignoredCallers).toEqual(['user']);
  });

  it('takes what the config sets and keeps the defaults for the rest', () => {
    const s = resolveSettings({ rules: { repo: { enabled: false }, steadyState: { weight: 3 } }, chaosWindowDays: 7, ignoredCallers: [' gateway ', ''] });
    expect(s.rules.repo).toEqual({ enabled: false, weight: 1 });
    expect(s.rules.steadyState).toEqual({ enabled: true, weight: 3 });
    expect(s.rules.owner).toEqual(DEFAULT_SETTINGS.rules.owner);
    expect(s.chaosWindowDays).toBe(7);
    expect(s.ignoredCallers).toEqual(['gateway']);
  });

  it('falls back on numbers that cannot be used and ignores rules it does not know', () => {
    const config = JSON.parse('{"chaosWindowDays": -3, "readyScore": "high", "rules": {"owner": {"weight": 1e9, "enabled": "yes"}, "sla": {"enabled": true}}}');
    const s = resolveSettings(config);
    expect(s.chaosWindowDays).toBe(30);
    expect(s.readyScore).toBe(80);
    expect(s.rules.owner).toEqual({ enabled: true, weight: 1 });
    expect(s.rules).not.toHaveProperty('sla');
  });
});
