#!/usr/bin/env node
// Checks docker-compose.yml against what the services need: every app built from the shared
// Dockerfile and migrated by its own one-shot job before it starts, Kafka and Redis dependencies
// where the service's definition uses them, health-gated start-up, only the gateway published,
// the broker at the version the tests use, and no secret written into the file.
// (The Compose schema itself is checked by `docker compose config` in check.sh.)
// Usage: node tools/deploy/validate-compose.mjs [docker-compose.yml]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readServiceFacts } from './lib/repo-services.mjs';
import { readYamlWithMerges } from './lib/yaml.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = process.argv[2] ?? join(repoRoot, 'docker-compose.yml');
const compose = readYamlWithMerges(file);
const services = compose.services ?? {};
const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

const kafkaVersion = /<kafka.version>(.+)<\/kafka.version>/.exec(readFileSync(join(repoRoot, 'tools/kafka/pom.xml'), 'utf8'))?.[1];
if (services.kafka?.image !== `apache/kafka:${kafkaVersion}`) fail('kafka', `image must be apache/kafka:${kafkaVersion} (tools/kafka/pom.xml)`);
if (services.kafka?.environment?.KAFKA_PROCESS_ROLES !== 'broker,controller') fail('kafka', 'must run in KRaft mode (KAFKA_PROCESS_ROLES=broker,controller)');
for (const name of ['kafka', 'postgres', 'redis']) if (!services[name]?.healthcheck?.test) fail(name, 'needs a healthcheck: the services wait for it');

for (const app of readServiceFacts(repoRoot)) {
  const service = services[app.name];
  if (!service) {
    fail(app.name, 'missing (every app in apps/ runs in the stack)');
    continue;
  }
  if (service.build?.dockerfile !== 'deploy/docker/Dockerfile' || service.build?.args?.APP !== app.name) {
    fail(app.name, `must build deploy/docker/Dockerfile with APP=${app.name}`);
  }
  if (!service.healthcheck?.test?.join(' ').includes('/ready')) fail(app.name, 'healthcheck must probe /ready');
  const dependsOn = service.depends_on ?? {};
  const needs = (dependency, condition) => {
    if (dependsOn[dependency]?.condition !== condition) fail(app.name, `must depend on ${dependency} (${condition})`);
  };
  const migrate = services[`${app.name}-migrate`];
  if (!migrate || migrate.image !== service.image || migrate.command?.[0] !== 'migrate') {
    fail(app.name, `needs a one-shot ${app.name}-migrate service running its image with command ["migrate"]`);
  }
  needs(`${app.name}-migrate`, 'service_completed_successfully');
  if (app.usesKafka) {
    needs('kafka', 'service_healthy');
    needs('kafka-topics', 'service_completed_successfully');
  }
  if (app.usesRedis) needs('redis', 'service_healthy');
  if (service.environment?.MIGRATIONS_RUN !== 'false') fail(app.name, 'MIGRATIONS_RUN must be "false": its migrate job applies them');
  if (!/^\$\{INTERNAL_AUTH_SECRET:\?/.test(service.environment?.INTERNAL_AUTH_SECRET ?? '')) {
    fail(app.name, 'INTERNAL_AUTH_SECRET must be required from the environment (${INTERNAL_AUTH_SECRET:?...}), never written here');
  }
  if (app.name !== 'api-gateway' && service.ports) fail(app.name, 'only the gateway is published');
}
if ((services['api-gateway']?.ports ?? []).length !== 1) fail('api-gateway', 'must publish exactly one port');

for (const error of errors) console.error(`  ✗ ${error}`);
console.log(`${file}: ${Object.keys(services).length} services, structure checks ${errors.length === 0 ? 'ok' : 'FAILED'}`);
process.exit(errors.length === 0 ? 0 : 1);
