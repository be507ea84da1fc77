export * from './service-definition';
export * from './service-module';
export * from './run-service';
export * from './standalone-registry';
