// The end-to-end main flow against the single-process mode (`npm start`).
process.env.E2E_MODE = 'standalone';

module.exports = {
  ...require('./jest.config'),
  displayName: 'e2e:standalone',
  testMatch: ['<rootDir>/src/main-flow.e2e-spec.ts'],
};
