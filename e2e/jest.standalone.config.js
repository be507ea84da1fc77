// The end-to-end main flow, and the state kept in process instead of Redis, against the
// single-process mode (`npm start`).
process.env.E2E_MODE = 'standalone';

module.exports = {
  ...require('./jest.config'),
  displayName: 'e2e:standalone',
  testMatch: ['<rootDir>/src/main-flow.e2e-spec.ts', '<rootDir>/src/shared-state.e2e-spec.ts'],
};
