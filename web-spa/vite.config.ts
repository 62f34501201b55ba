import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The local gateway serves the built files at '/', so every API call is a relative /api/** URL.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      // CDT_API points the dev server at another gateway.
      '/api': process.env.CDT_API ?? 'http://localhost:8080',
      // How to sign in (dev or the identity provider) comes from the gateway too.
      '/config.json': process.env.CDT_API ?? 'http://localhost:8080',
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
