#!/usr/bin/env node
// Validates an OpenAPI document (default docs/openapi.json) with a third-party validator,
// @seriousme/openapi-schema-validator, against the official OpenAPI 3.x JSON schemas.
// Exits non-zero and prints every error when the document is invalid.
//
//   node tools/openapi/validate.mjs [path-to-openapi.json]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const path = resolve(root, process.argv[2] ?? 'docs/openapi.json');
const document = JSON.parse(readFileSync(path, 'utf8'));

const validator = new Validator();
const result = await validator.validate(document);
if (!result.valid) {
  process.stderr.write(`openapi: ${path} is NOT a valid OpenAPI ${validator.version ?? ''} document:\n${JSON.stringify(result.errors, null, 2)}\n`);
  process.exit(1);
}
const operations = Object.values(document.paths ?? {}).reduce((count, item) => count + Object.keys(item).length, 0);
process.stdout.write(`openapi: ${path} is a valid OpenAPI ${validator.version} document (${operations} operations)\n`);
