const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// Bundles the example with the SDKs' sources (resolved through the tsconfig paths), so it runs
// with plain `node` from the repository; npm packages stay external.
module.exports = {
  output: { path: join(__dirname, '../../dist/examples/client') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
      skipTypeChecking: true,
    }),
  ],
};
