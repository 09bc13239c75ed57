/** Builds the web UI (web/ -> web/dist). The dev server proxies /api (server push included) to `kontor serve`. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.KONTOR_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': {
        target: apiTarget,
        changeOrigin: false,
        // Server-sent events (/api/events) must stream: no buffering, no timeout.
        timeout: 0,
        proxyTimeout: 0,
      },
    },
  },
});
