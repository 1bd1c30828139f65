// ESLint flat configuration. The import-boundary rules below are the
// architecture of CONVENTIONS.md: a wrong import fails `npm run lint`.
import tseslint from 'typescript-eslint';

const noDeepPackageImports = {
  group: ['@probity/*/*'],
  message: 'Import a package through its src/index.ts (its public names), never a deep path.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'demo/**',
      'out/**',
      'bench/out/**',
      'test-results/**',
      '**/test/fixtures/boundaries/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [noDeepPackageImports] }],
    },
  },
  {
    // The engine never reaches up into the server, the web app or the CLI,
    // and only its warehouse module talks to DuckDB.
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/warehouse/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@duckdb/node-api', message: 'Only engine/src/warehouse imports DuckDB.' },
            { name: 'better-sqlite3', message: 'Only the server store imports SQLite.' },
          ],
          patterns: [
            noDeepPackageImports,
            {
              group: ['@probity/server', '@probity/web', '@probity/cli'],
              message: 'The engine never imports the server, the web app or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/engine/src/warehouse/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'Only the server store imports SQLite.' }],
          patterns: [
            noDeepPackageImports,
            {
              group: ['@probity/server', '@probity/web', '@probity/cli'],
              message: 'The engine never imports the server, the web app or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure maths: arrays in, arrays out. Nothing else from the project.
    files: ['packages/engine/src/stats/**/*.ts', 'packages/engine/src/ml/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '@probity/*', '@duckdb/*', 'better-sqlite3'],
              message: 'stats and ml import nothing else from the project: arrays in, arrays out.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@duckdb/node-api', message: 'Only engine/src/warehouse imports DuckDB.' },
          ],
          patterns: [noDeepPackageImports],
        },
      ],
    },
  },
  {
    // Only the server's store imports SQLite; the server never imports the CLI or the web app.
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@duckdb/node-api', message: 'Only engine/src/warehouse imports DuckDB.' },
            { name: 'better-sqlite3', message: 'Only the server store imports SQLite.' },
          ],
          patterns: [
            noDeepPackageImports,
            {
              group: ['@probity/web', '@probity/cli'],
              message: 'The server never imports the web app or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@duckdb/node-api', message: 'Only engine/src/warehouse imports DuckDB.' },
          ],
          patterns: [noDeepPackageImports],
        },
      ],
    },
  },
  {
    // The web app takes only types from the server: `import type` is allowed, runtime imports are not.
    files: ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@probity/server',
              allowTypeImports: true,
              message: 'The web app imports only API types from the server (import type).',
            },
          ],
          patterns: [
            noDeepPackageImports,
            {
              group: ['@probity/engine', '@probity/cli', '@duckdb/*', 'better-sqlite3'],
              message:
                'The web app talks to the server over HTTP; it imports no engine, CLI or database code.',
            },
          ],
        },
      ],
    },
  },
);
