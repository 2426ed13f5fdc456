import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API at `/designer/`; in dev, API calls are proxied to it.
export default defineConfig({
  plugins: [react()],
  base: '/designer/',
  // ELK (auto-layout) is one 1.4 MB chunk, loaded only when someone lays out a workflow.
  build: { chunkSizeWarningLimit: 1500 },
  server: { port: 5174, proxy: { '/open311': 'http://127.0.0.1:3000', '/trpc': 'http://127.0.0.1:3000' } },
});
