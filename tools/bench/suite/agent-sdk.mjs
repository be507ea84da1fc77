// The agent SDK (libs/agent-sdk, `@ains/agent-sdk`) as its Nx build leaves it under dist/. The
// suite is plain JavaScript, and the built SDK still requires its workspace dependencies by their
// path aliases (`@ains/sdk`), which exist only for the TypeScript compiler: while the SDK loads,
// those requests resolve to the same libraries' build output.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../lib.mjs';

const BUILD_HINT = 'run `npx nx build agent-sdk`, or the suite without --no-build';

/** Builds the SDK and the client library it uses into dist/. */
export function buildAgentSdk() {
  const result = spawnSync('npx', ['nx', 'run', 'agent-sdk:build', '--output-style=static'], { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, NX_DAEMON: 'false' } });
  if (result.status !== 0) throw new Error(`building the agent SDK failed (exit ${result.status ?? result.signal})`);
}

/** `@ains/<lib>` → dist/libs/<lib>/src/index.js, from the aliases in tsconfig.base.json. */
function builtAliases() {
  const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
  return new Map(Object.entries(paths).map(([alias, [source]]) => [alias, join(root, 'dist', source.replace(/\.ts$/, '.js'))]));
}

/** The SDK's exports (`AinsAgent`, …); throws with the build command when it has not been built. */
export function loadAgentSdk() {
  const aliases = builtAliases();
  const entry = aliases.get('@ains/agent-sdk');
  if (!existsSync(entry)) throw new Error(`the agent SDK is not built (no ${entry}): ${BUILD_HINT}`);
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveBuiltAlias(request, ...rest) {
    const built = aliases.get(request);
    if (built === undefined) return resolveFilename.call(this, request, ...rest);
    if (!existsSync(built)) throw new Error(`${request} is not built (no ${built}): ${BUILD_HINT}`);
    return built;
  };
  try {
    return createRequire(entry)(entry);
  } finally {
    Module._resolveFilename = resolveFilename;
  }
}
