import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What each service's definition (apps/<name>/src/service.ts) says about how it must be deployed,
 * read from the source so the manifests are checked against the code rather than against a list
 * kept by hand.
 */
export function readServiceFacts(repoRoot) {
  const appsDir = join(repoRoot, 'apps');
  return readdirSync(appsDir)
    .filter((name) => existsSync(join(appsDir, name, 'src', 'service.ts')))
    .map((name) => {
      const source = readFileSync(join(appsDir, name, 'src', 'service.ts'), 'utf8');
      const flag = (key) => new RegExp(`\\b${key}:\\s*true\\b`).test(source);
      return {
        name,
        usesKafka: source.includes('ConfigFragments.kafka') || flag('kafka'),
        consumes: flag('consumes'),
        usesRedis: source.includes('ConfigFragments.redis') || flag('redis'),
      };
    });
}
