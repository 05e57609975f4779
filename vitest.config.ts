import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    // Generous: PDF tests start a real Chromium, and CI machines have two cores.
    testTimeout: 90000,
    hookTimeout: 90000,
    pool: 'forks',
  },
});
