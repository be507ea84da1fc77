module.exports = {
  ...require('../../jest.preset'),
  displayName: 'task-service:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60_000,
};
