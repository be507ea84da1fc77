#!/usr/bin/env node
// Builds the operator console into dist/apps/console: one JavaScript bundle and one stylesheet,
// both named by their content hash (the gateway serves them as immutable), and index.html, which
// names them and is served fresh on every load. No inline script or style, so the page runs under
// a strict Content-Security-Policy.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const out = join(root, 'dist/apps/console');

const result = await build({
  entryPoints: { app: join(here, 'src/main.tsx'), styles: join(here, 'src/styles.css') },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2022'],
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: join(here, 'tsconfig.json'),
  legalComments: 'none',
  write: false,
  outdir: out,
  logLevel: 'warning',
});

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
const names = {};
for (const file of result.outputFiles) {
  const ext = file.path.endsWith('.css') ? 'css' : 'js';
  const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 16);
  const name = `${ext === 'css' ? 'styles' : 'app'}.${hash}.${ext}`;
  writeFileSync(join(out, 'assets', name), file.contents);
  names[ext] = name;
}
const page = readFileSync(join(here, 'src/index.html'), 'utf8').replace('{{styles}}', `assets/${names.css}`).replace('{{script}}', `assets/${names.js}`);
writeFileSync(join(out, 'index.html'), page);
process.stdout.write(`console: built ${names.js} and ${names.css} into dist/apps/console\n`);
