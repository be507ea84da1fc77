module.exports = {
  ...require('../../jest.preset'),
  displayName: 'webhook-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
