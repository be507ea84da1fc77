#!/usr/bin/env node
// Regenerates docs/openapi.json from the operations declared in libs/contracts (through the
// gateway's `openapi` command, so the document is exactly what /openapi.json serves).
//
//   node tools/openapi/generate.mjs            build the gateway, then write docs/openapi.json
//   node tools/openapi/generate.mjs --no-build use the gateway already in dist/
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result.stdout;
};

if (!process.argv.includes('--no-build')) run('npx', ['nx', 'build', 'api-gateway', '--output-style=static']);
const document = run('node', [join(root, 'dist/apps/api-gateway/main.js'), 'openapi']);
JSON.parse(document);
writeFileSync(join(root, 'docs/openapi.json'), document);
process.stdout.write('openapi: wrote docs/openapi.json\n');
