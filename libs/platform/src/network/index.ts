export * from './destination-policy';
export * from './destination-guard';
