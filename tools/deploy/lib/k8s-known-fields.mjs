import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * kubernetes-models' validators accept fields the API does not know (`readinesProbe` passes and
 * the probe is silently missing). Its TypeScript interfaces do know every field, so each object is
 * written as a typed object literal and compiled: TypeScript's excess-property check rejects any
 * unknown field at any depth. kubeconform's -strict does the same where it is used instead.
 */
export function checkKnownFields(objects, { repoRoot, modelsRoot }) {
  const dir = mkdtempSync(join(tmpdir(), 'ains-k8s-fields-'));
  try {
    const lines = objects.map(({ object }, index) => {
      const { path, type } = typeOf(object);
      return `export const o${index}: import('${path}').${type} = ${JSON.stringify(object)};`;
    });
    writeFileSync(join(dir, 'objects.ts'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          types: [],
          paths: { 'kubernetes-models/*': [join(modelsRoot, 'kubernetes-models', '*')] },
        },
        files: ['objects.ts'],
      }),
    );
    const tsc = createRequire(join(repoRoot, 'package.json')).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
    if (result.status === 0) return [];
    return (result.stdout || result.stderr)
      .split('\n')
      .filter((line) => line.includes('error TS'))
      .map((line) => {
        const lineNumber = Number(/objects\.ts\((\d+),/.exec(line)?.[1]);
        const where = objects[lineNumber - 1]?.where ?? 'generated check';
        return `${where}: ${line.replace(/^.*error TS\d+: /, '')}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function typeOf({ apiVersion, kind }) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { path: ['kubernetes-models', group, version, kind].filter(Boolean).join('/'), type: `I${kind}` };
}
