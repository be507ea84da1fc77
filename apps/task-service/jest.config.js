module.exports = {
  ...require('../../jest.preset'),
  displayName: 'task-service',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
