export * from './test-env';
export * from './wait-for';
export * from './database';
export * from './kafka';
export * from './service-config';
