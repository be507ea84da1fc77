import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

describe('the generated OpenAPI types', () => {
  it('are what docs/openapi.json produces (otherwise run `npx nx run sdk:generate`)', () => {
    // The generator is an ES module (openapi-typescript's API is async ESM-first), so it runs in its
    // own Node process; with --check it regenerates in memory and compares, writing nothing.
    const check = spawnSync(process.execPath, [join(root, 'libs/sdk/scripts/generate-types.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
