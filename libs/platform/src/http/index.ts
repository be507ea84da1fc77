export * from './problem';
export * from './to-problem';
export * from './problem-details.filter';
export * from './zod-validation.pipe';
export * from './unsafe-text';
export * from './client-error';
export * from './connection-drain';
