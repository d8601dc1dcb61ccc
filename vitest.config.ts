import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // servers in tests listen on ephemeral ports; browsers and child processes need room
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
