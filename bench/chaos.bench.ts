/**
 * Issue 6: map 50,000 Chaos Mesh events to runs and annotation regions, compared with JSON.parse of
 * the same /api/events payload (what any client pays before it can look at a single event).
 * Goal (issue 15): the mapping after the parse ≤ 2× JSON.parse.
 */
import { annotationFrame } from '../src/datasource/connectors/chaos/frames';
import { mapChaosMesh } from '../src/datasource/connectors/chaos/chaosmesh/mapper';
import { CmEvent } from '../src/datasource/connectors/chaos/chaosmesh/types';
import { mapperFigures } from './lib';

const EVENTS = 50_000;
const T0 = Date.parse('2026-11-26T00:00:00Z');
const REASONS = ['FinalizerInited', 'Updated', 'Applied', 'Applied', 'Recovered', 'Recovered', 'TimeUp', 'Deleted', 'FinalizerRemoved', 'Updated'];

// 5,000 experiments of 10 events each, as the dashboard returns them: newest id first.
const events: CmEvent[] = Array.from({ length: EVENTS }, (_, i) => {
  const exp = Math.floor(i / REASONS.length);
  const reason = REASONS[i % REASONS.length];
  return {
    id: i + 1,
    object_id: `6f0c1c2e-${String(exp).padStart(4, '0')}-4e4e-9d2b-1a2b3c4d5e01`,
    created_at: new Date(T0 + exp * 60_000 + (i % REASONS.length) * 5_000).toISOString(),
    namespace: 'shop',
    name: `payments-pod-kill-${exp}`,
    kind: exp % 2 ? 'PodChaos' : 'NetworkChaos',
    type: 'Normal',
    reason,
    message: reason === 'Applied' || reason === 'Recovered' ? `Successfully ${reason === 'Applied' ? 'apply' : 'recover'} chaos for shop/payments-7d9f8c6b5-x2x${i % 7}z` : reason,
  };
}).reverse();
const payload = JSON.stringify(events);
const to = T0 + 6 * 3_600_000;

let runs = 0;
mapperFigures({
  payload: `${EVENTS.toLocaleString('en')} Chaos Mesh events`,
  text: payload,
  mapsTo: () => `${runs.toLocaleString('en')} runs + region frame`,
  parse: (text) => JSON.parse(text) as CmEvent[],
  map: (parsed) => {
    const mapped = mapChaosMesh({ events: parsed, experiments: [], archives: [], workflows: [] }, 'http://chaos.example');
    runs = annotationFrame(mapped, to, to).length;
  },
  goal: 2,
});
