import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app is served by the Probity server from packages/web/dist.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
