module.exports = {
  ...require('../../jest.preset'),
  displayName: 'routing-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
