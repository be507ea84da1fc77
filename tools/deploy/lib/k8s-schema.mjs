import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkKnownFields } from './k8s-known-fields.mjs';

/**
 * Validates Kubernetes objects against the API's OpenAPI schemas.
 *
 * Preferred: the npm package `kubernetes-models` (validators generated from the Kubernetes OpenAPI
 * document; `new Deployment(object).validate()` throws on a wrong type, a missing required field or
 * a bad format). KUBERNETES_MODELS_DIR may point at a node_modules folder holding it; otherwise it
 * resolves from the repository's node_modules. Unknown fields, which those validators let through,
 * are caught by compiling the objects against the package's TypeScript types.
 * Fallback: `kubeconform -strict` when it is on PATH (it needs its schemas offline: set
 * KUBECONFORM_SCHEMA_LOCATION). With neither, validation fails.
 */
export async function schemaValidator({ repoRoot }) {
  const models = await loadKubernetesModels();
  if (models) {
    const modelsRoot = process.env.KUBERNETES_MODELS_DIR ?? join(repoRoot, 'node_modules');
    return {
      name: 'kubernetes-models',
      validate: async (objects) => {
        const errors = await validateWithModels(models, objects);
        return [...errors, ...checkKnownFields(objects, { repoRoot, modelsRoot })];
      },
    };
  }
  if (onPath('kubeconform')) return { name: 'kubeconform', validateFiles: validateWithKubeconform };
  throw new Error(
    'No Kubernetes schema validator: add the npm devDependency "kubernetes-models" (npm install -D kubernetes-models) ' +
      'or put kubeconform on PATH with KUBECONFORM_SCHEMA_LOCATION set.',
  );
}

async function loadKubernetesModels() {
  const dir = process.env.KUBERNETES_MODELS_DIR;
  const moduleUrl = (group, version, kind) => {
    const path = [group, version, kind].filter(Boolean).join('/');
    return dir ? pathToFileURL(join(dir, 'kubernetes-models', `${path}.js`)).href : `kubernetes-models/${path}`;
  };
  try {
    await import(moduleUrl('', 'v1', 'ConfigMap'));
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  return {
    async load(apiVersion, kind) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      try {
        return (await import(moduleUrl(group, version, kind)))[kind];
      } catch (error) {
        if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
        throw error;
      }
    },
  };
}

async function validateWithModels(models, objects) {
  const errors = [];
  for (const { object, where } of objects) {
    const Model = await models.load(object.apiVersion, object.kind);
    if (!Model) {
      errors.push(`${where}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${where}: ${error.message}`);
    }
  }
  return errors;
}

function validateWithKubeconform(files) {
  const locations = (process.env.KUBECONFORM_SCHEMA_LOCATION ?? '').split(',').filter(Boolean);
  const args = ['-strict', '-summary', ...locations.flatMap((location) => ['-schema-location', location]), ...files];
  const result = spawnSync('kubeconform', args, { encoding: 'utf8' });
  process.stdout.write(result.stdout);
  return result.status === 0 ? [] : [result.stderr.trim() || `kubeconform exited with ${result.status}`];
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
