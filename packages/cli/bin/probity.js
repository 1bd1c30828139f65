#!/usr/bin/env node
// Committed shim so that `npx probity` resolves on a fresh clone even before the
// build has run; the real entry point is compiled to dist/main.js by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('probity: not built yet; run `npm run build` (npm ci runs it for you)\n');
  process.exit(1);
}
await import(entry.href);
