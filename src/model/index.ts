export * from './service';
export * from './chaos';
export * from './flow';
export * from './frames';
export * from './errors';
export * from './safeUrl';
