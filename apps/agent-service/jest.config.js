module.exports = {
  ...require('../../jest.preset'),
  displayName: 'agent-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
