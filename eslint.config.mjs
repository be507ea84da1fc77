import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Which projects may import which: apps only import libs (never other apps), and the libs form
// layers: contracts < platform < persistence < messaging < runtime. Tests may also use `testing`.
// The SDKs are published on their own, so they stand apart: `sdk` imports nothing of ours,
// `agent-sdk` only `sdk`; the examples use only the SDKs, as an outside developer would, and so
// does the operator console (`type:web`), a browser client of the public API.
const productionConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['scope:sdk'] },
  { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:contracts'] },
  { sourceTag: 'scope:persistence', onlyDependOnLibsWithTags: ['scope:persistence', 'scope:platform'] },
  { sourceTag: 'scope:messaging', onlyDependOnLibsWithTags: ['scope:messaging', 'scope:contracts', 'scope:platform', 'scope:persistence'] },
  { sourceTag: 'scope:runtime', onlyDependOnLibsWithTags: ['scope:runtime', 'scope:messaging', 'scope:contracts', 'scope:platform', 'scope:persistence'] },
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:testing', 'scope:contracts', 'scope:platform'] },
  { sourceTag: 'scope:sdk', onlyDependOnLibsWithTags: ['scope:sdk'] },
  { sourceTag: 'scope:agent-sdk', onlyDependOnLibsWithTags: ['scope:agent-sdk', 'scope:sdk'] },
  { sourceTag: 'type:example', onlyDependOnLibsWithTags: ['scope:sdk', 'scope:agent-sdk'] },
];

const testConstraints = productionConstraints.map((constraint) =>
  constraint.sourceTag.startsWith('scope:') ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:testing'] } : constraint,
);

const boundaries = (depConstraints) => ({ enforceBuildableLibDependency: false, allow: [], depConstraints });

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(productionConstraints)],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries(testConstraints)],
    },
  },
];
