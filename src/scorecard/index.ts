export * from './types';
export * from './settings';
export * from './evaluate';
export { lastFinished } from './rules';
export type { FlowFacts } from './flowIndex';
export { ServiceIndex } from './match';
