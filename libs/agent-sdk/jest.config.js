module.exports = {
  ...require('../../jest.preset'),
  displayName: 'agent-sdk',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
