#!/usr/bin/env node
// Generates the SDK's TypeScript types (libs/sdk/src/generated/openapi.ts) from the committed
// OpenAPI document (docs/openapi.json, itself generated from the contracts) with openapi-typescript.
//
//   node libs/sdk/scripts/generate-types.mjs           write the file (npx nx run sdk:generate)
//   node libs/sdk/scripts/generate-types.mjs --check   write nothing; exit 1 when the file is stale
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const documentPath = join(root, 'docs/openapi.json');
const typesPath = join(root, 'libs/sdk/src/generated/openapi.ts');

const banner = [
  '// Generated from docs/openapi.json by libs/sdk/scripts/generate-types.mjs (`npx nx run sdk:generate`).',
  '// Do not edit: change the contracts, run `npm run openapi`, then regenerate.',
  '',
  '',
].join('\n');

const document = JSON.parse(readFileSync(documentPath, 'utf8'));
const types = banner + astToString(await openapiTS(document));

if (process.argv.includes('--check')) {
  const committed = existsSync(typesPath) ? readFileSync(typesPath, 'utf8') : '';
  if (committed !== types) {
    process.stderr.write('sdk: libs/sdk/src/generated/openapi.ts is stale; run `npx nx run sdk:generate` and commit it\n');
    process.exit(1);
  }
  process.stdout.write('sdk: libs/sdk/src/generated/openapi.ts matches docs/openapi.json\n');
} else {
  writeFileSync(typesPath, types);
  process.stdout.write('sdk: wrote libs/sdk/src/generated/openapi.ts\n');
}
