module.exports = {
  ...require('../../jest.preset'),
  displayName: 'trust-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
