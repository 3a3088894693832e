export * from './service';
export * from './chaos';
export * from './flow';
export * from './frames';
export * from './errors';
export * from './safeUrl';
export * from './display';
export * from './impact';
