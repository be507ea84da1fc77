// The operator console in a real browser (Chromium from the machine's packages, driven by
// playwright-core) against the single-process mode (`npm start`).
process.env.E2E_MODE = 'standalone';

module.exports = {
  ...require('./jest.config'),
  displayName: 'e2e:console',
  testMatch: ['<rootDir>/src/console.browser-spec.ts'],
  testTimeout: 120_000,
};
