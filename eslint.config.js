import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Core must stay pure: every I/O reaches it through an interface passed in.
const coreIoBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|os|path)$',
          message: 'packages/core has no I/O: pass it in as an interface.',
        },
        { regex: '^(pg|@electric-sql/pglite|kysely|idb|dexie|fastify|undici|node-fetch|axios)(/.*)?$', message: 'packages/core has no I/O: pass it in as an interface.' },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'packages/core has no I/O.' },
    { name: 'indexedDB', message: 'packages/core has no I/O.' },
    { name: 'localStorage', message: 'packages/core has no I/O.' },
    { name: 'XMLHttpRequest', message: 'packages/core has no I/O.' },
    { name: 'WebSocket', message: 'packages/core has no I/O.' },
    { name: 'crypto', message: 'packages/core gets randomness and crypto injected.' },
    { name: 'Date', message: 'packages/core gets the clock injected.' },
    { name: 'process', message: 'packages/core has no I/O.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'packages/core gets randomness injected.' },
    { object: 'globalThis', property: 'fetch', message: 'packages/core has no I/O.' },
    { object: 'globalThis', property: 'indexedDB', message: 'packages/core has no I/O.' },
    { object: 'globalThis', property: 'crypto', message: 'packages/core gets randomness injected.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/*.d.ts', 'packages/web/dev-dist/**', 'bench/.cache/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['packages/core/src/**/*.ts'], ignores: ['packages/core/src/**/*.test.ts'], rules: coreIoBans },
);
