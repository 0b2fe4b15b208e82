import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'models/**/*.test.ts', 'bench/**/*.test.ts', 'experiments/**/*.test.ts'],
    // Statistical tests simulate hundreds of thousands of events; give them room on 2 cores.
    testTimeout: 60_000,
  },
});
