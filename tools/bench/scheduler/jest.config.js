/** The scheduler benchmark runs under Jest only to reuse its TypeScript transform and path aliases. */
module.exports = {
  ...require('../../../jest.preset'),
  displayName: 'bench:scheduler',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.bench.ts'],
  testTimeout: 600_000,
};
