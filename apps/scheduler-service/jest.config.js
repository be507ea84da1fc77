module.exports = {
  ...require('../../jest.preset'),
  displayName: 'scheduler-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
