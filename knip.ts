import type { KnipConfig } from 'knip';

/**
 * `npm run lint:unused` (part of `npm test`): the files, exports, types and dependencies nothing uses. Knip's vite,
 * vitest and playwright plugins find the page (index.html → src/main.tsx), the unit tests and the e2e specs, and
 * package.json's scripts find the CLI and the scripts; the workers are listed here, as the code starts them from
 * `new URL('…', import.meta.url)`. An export that only a test imports counts as used: a test that reaches a
 * function through its module tests a real seam. Remove an export nobody imports rather than silencing it here.
 */
const config: KnipConfig = {
  entry: [
    'src/worker/training.worker.ts',
    'src/data/batch.worker.ts',
    'src/data/batch.worker.node.ts',
    'src/data/images/imageImport.worker.ts',
    'src/ui/sphere/sphere.worker.ts',
    'scripts/*.ts',
    'scripts/bench/*.ts',
    'e2e/*.ts',
  ],
  project: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'e2e/**/*.ts'],
  // scripts/build-datasets.ts reads the mnist package's data files by path, and asks dpkg-query which version of
  // Debian's Fashion-MNIST package it read.
  ignoreDependencies: ['mnist'],
  ignoreBinaries: ['dpkg-query'],
};

export default config;
