export * from './query.types';
export * from './options.types';
