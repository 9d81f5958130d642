import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries from the design card: shared imports nothing of ours; rxdb only in renderer/src/data. */
const forbid = (...groups) => ['error', { patterns: groups }];
const NODE_BUILTINS = {
  group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net'],
  message: 'No Node APIs here.',
};
const RXDB = { group: ['rxdb', 'rxdb/*', 'dexie'], message: 'Only renderer/src/data imports rxdb: use its hooks and commands.' };
const ELECTRON = { group: ['electron', 'electron-log', 'electron-log/*'], message: 'Only electron/ imports electron.' };
const SERVER = { group: ['**/server/**', '**/server/src/**'], message: 'Never import server code here.' };
const RENDERER = { group: ['**/renderer/**'], message: 'Never import renderer code here.' };
const SERVER_LIBS = { group: ['fastify', '@fastify/*', 'pg', '@electric-sql/*'], message: 'Server libraries stay in server/.' };

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'release', '.tsbuild', 'test-results', 'playwright-report', 'coverage', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'electron/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(NODE_BUILTINS, RXDB, ELECTRON, SERVER, RENDERER, SERVER_LIBS, {
        group: ['react', 'react-dom'],
        message: 'shared/ has no UI.',
      }),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/data/**', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': forbid(NODE_BUILTINS, RXDB, ELECTRON, SERVER, SERVER_LIBS) },
  },
  {
    files: ['renderer/src/data/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': forbid(NODE_BUILTINS, ELECTRON, SERVER, SERVER_LIBS) },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': forbid(RXDB, ELECTRON, RENDERER) } },
  { files: ['electron/**/*.ts'], rules: { 'no-restricted-imports': forbid(RXDB, SERVER, RENDERER, SERVER_LIBS) } },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
