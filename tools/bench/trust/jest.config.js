// Runs the in-process benchmarks (TypeScript through the repo's Jest preset): not part of any test target.
module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'bench:trust',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.bench.ts'],
  testTimeout: 600_000,
};
