// Runs the in-process webhook benchmark (TypeScript through the repo's Jest preset): not part of any test target.
module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'bench:webhooks',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.bench.ts'],
  testTimeout: 600_000,
};
