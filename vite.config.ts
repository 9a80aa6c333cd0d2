import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the web app (src/web) into dist/web, which the server serves at / with SPA fallback.
 * In development the API runs separately on :3000 and is proxied, so cookies stay same-origin.
 */
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': api, '/health': api },
  },
  preview: {
    proxy: { '/api': api, '/health': api },
  },
});
