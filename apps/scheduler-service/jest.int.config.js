module.exports = {
  ...require('../../jest.preset'),
  displayName: 'scheduler-service:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60_000,
};
