export * from './problem';
export * from './to-problem';
export * from './problem-details.filter';
export * from './zod-validation.pipe';
