import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API at `/`; in dev, API calls are proxied to it.
export default defineConfig({
  plugins: [react()],
  base: '/',
  server: {
    port: 5173,
    proxy: {
      '/open311': 'http://127.0.0.1:3000',
      '/trpc': 'http://127.0.0.1:3000',
      '/media': 'http://127.0.0.1:3000',
    },
  },
});
