export * from './random-hex';
