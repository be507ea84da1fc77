export * from './data-source-options';
export * from './migrations';
export * from './persistence.module';
export * from './cursor';
export * from './notification-listener';
