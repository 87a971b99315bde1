// Lint: typescript-eslint's recommended rules, no import cycles, and the layers' one-way dependencies
// (resolvers -> services -> core). `npm run lint`; `npm test` runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Feature areas under src/: they hold the logic and know nothing of GraphQL. */
const AREAS = [
  'tracking',
  'machines',
  'infrastructure',
  'work-details',
  'security',
  'failure-learning',
  'knowledge',
  'reporting',
  'billing',
  'admin',
  'integrations',
  'webhooks',
  'operations',
  'kit',
];

/** Layers: a file in `target` may not import from `from` (resolvers -> src/graphql -> areas -> kit, database -> core). */
const layers = [
  {
    target: './src',
    from: './resolvers',
    message: 'src/ may not import resolvers/ (only the schema builder, src/graphql/schema.ts, assembles them).',
  },
  ...AREAS.map((area) => ({
    target: `./src/${area}`,
    from: './src/graphql',
    message: 'Feature areas do not depend on the GraphQL edge: take a Scope or CallerScope (src/kit/scope.ts) and plain command types.',
  })),
  { target: './src/core', from: './src', except: ['./core'], message: 'src/core imports nothing of the rest of the service.' },
  { target: './src/core', from: './resolvers', message: 'src/core imports nothing of the rest of the service.' },
  { target: './entities', from: './src', message: 'Entities are the domain model: they do not depend on services.' },
  { target: './entities', from: './resolvers', message: 'Entities do not depend on resolvers.' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'sdk/generated/**', 'src/explorer/public/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'cli/tsconfig.json'] })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      // TypeORM's and type-graphql's metadata APIs type entity classes and decorator targets as `Function`
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // unused values are a compile error already (noUnusedLocals); `_name` marks a deliberately unused argument
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // feature areas hold the logic: no GraphQL package in them either
    files: AREAS.map((area) => `src/${area}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['graphql', 'type-graphql', 'graphql-shield', '@apollo/server'].map((name) => ({
            name,
            message: 'Feature areas know nothing of GraphQL: the edge is resolvers/ and src/graphql/.',
          })),
        },
      ],
    },
  },
  {
    // the composition root assembles every resolver
    files: ['src/graphql/schema.ts'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
