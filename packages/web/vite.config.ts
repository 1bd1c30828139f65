import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

// Entry pages: the workspace (index.html) and the public pages, each its own small
// bundle so the anonymous pages load none of the workspace's code.
const pages = ['index', 'report', 'survey', 'transparency'].filter((p) =>
  existsSync(here(`./${p}.html`)),
);

// The web app is served by the Probity server from packages/web/dist.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: Object.fromEntries(pages.map((p) => [p, here(`./${p}.html`)])) },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
