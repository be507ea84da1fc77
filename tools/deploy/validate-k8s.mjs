#!/usr/bin/env node
// Validates rendered Kubernetes manifests (the output of `kubectl kustomize <dir>`): every object
// against the Kubernetes schemas, then the AINS deployment rules of lib/k8s-policy.mjs.
// Usage: node tools/deploy/validate-k8s.mjs [--pinned-images] <rendered.yaml>...
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPolicies } from './lib/k8s-policy.mjs';
import { readServiceFacts } from './lib/repo-services.mjs';
import { schemaValidator } from './lib/k8s-schema.mjs';
import { readYamlDocuments } from './lib/yaml.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const pinnedImages = args.includes('--pinned-images');
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length === 0) {
  console.error('usage: validate-k8s.mjs [--pinned-images] <rendered.yaml>...');
  process.exit(2);
}

const services = readServiceFacts(repoRoot);
const validator = await schemaValidator({ repoRoot }).catch((error) => {
  console.error(`  ✗ ${error.message}`);
  process.exit(1);
});
let failures = 0;
for (const file of files) {
  const objects = readYamlDocuments(file).map((object) => ({ object, where: `${file}: ${object.kind}/${object.metadata?.name}` }));
  const schemaErrors = validator.validate ? await validator.validate(objects) : validator.validateFiles([file]);
  const policyErrors = checkPolicies(objects, services, { pinnedImages });
  for (const error of [...schemaErrors, ...policyErrors]) console.error(`  ✗ ${error}`);
  failures += schemaErrors.length + policyErrors.length;
  const verdict = schemaErrors.length + policyErrors.length === 0 ? 'ok' : 'FAILED';
  console.log(`${file}: ${objects.length} objects, schema (${validator.name}) and policy checks ${verdict}`);
}
process.exit(failures === 0 ? 0 : 1);
