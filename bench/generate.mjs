// Times `generateDemo` on one million declarations (run `npm run build` first):
//   node bench/generate.mjs [declarations]
// Prints declarations per second, wall time and peak RSS as JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '@probity/engine';

const declarations = Number(process.argv[2] ?? 1_000_000);
const dir = await mkdtemp(path.join(tmpdir(), 'probity-generate-'));
try {
  const started = process.hrtime.bigint();
  const summary = await generateDemo({ dir, declarations, seed: 1 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    JSON.stringify({
      benchmark: 'generate',
      declarations,
      rows: summary.rows,
      wall_seconds: Math.round(seconds * 100) / 100,
      declarations_per_second: Math.round(declarations / seconds),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }) + '\n',
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
