import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';

/** Every document of a multi-document YAML file, empty documents dropped. */
export function readYamlDocuments(path) {
  return yaml.loadAll(readFileSync(path, 'utf8'), undefined, { filename: path }).filter((doc) => doc != null);
}

/** One YAML document with `<<` merge keys resolved, as Compose files use them. */
export function readYamlWithMerges(path) {
  // js-yaml 5 resolves merge keys only in its YAML 1.1 schema; js-yaml 4 in its default one.
  const schema = yaml.YAML11_SCHEMA ?? yaml.DEFAULT_SCHEMA;
  return yaml.load(readFileSync(path, 'utf8'), { filename: path, schema });
}
