import type { Colors } from '../render/colors';

/** Distinct names for every colour, so tests can tell what was drawn with which. */
export const testColors: Colors = {
  background: '#000',
  text: '#fff',
  textWeak: '#aaa',
  edge: '#777',
  border: '#333',
  series: ['#a00', '#0a0', '#00a'],
  ok: 'ok',
  warn: 'warn',
  bad: 'bad',
  target: 'target',
  upstream: 'up',
  downstream: 'down',
  added: 'added',
  vanished: 'vanished',
  changed: 'changed',
  cost: 'cost',
  costliest: 'costliest',
  match: 'match',
  focus: 'focus',
};
