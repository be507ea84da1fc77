export * from './internal-auth';
export * from './internal-auth.guard';
export * from './public.decorator';
export * from './current-caller.decorator';
