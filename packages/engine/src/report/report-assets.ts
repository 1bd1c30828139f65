import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EngineError } from '../errors.js';

/** The chart libraries' browser bundles, inlined into the page so that it needs no network. */
export interface ChartLibraries {
  readonly d3: string;
  readonly plot: string;
}

let cached: ChartLibraries | undefined;

/**
 * The folder of an installed package. Their `exports` maps hide `dist/`, so
 * resolve the entry point and walk up to the package.json that names it.
 */
function packageRoot(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (parsed.name === name) return dir;
    }
    const up = dirname(dir);
    if (up === dir)
      throw new EngineError('PROBITY_REPORT_ASSET', `cannot find the package ${name}`);
    dir = up;
  }
}

function readBundle(name: string, file: string): string {
  const path = join(packageRoot(name), file);
  const text = readFileSync(path, 'utf8');
  // Inlined in a <script> element: a closing tag inside would end it early.
  if (/<\/script/i.test(text)) {
    throw new EngineError(
      'PROBITY_REPORT_ASSET',
      `${path} contains </script> and cannot be inlined`,
    );
  }
  return text;
}

/** Reads d3's and Observable Plot's UMD bundles from node_modules (once per process). */
export function chartLibraries(): ChartLibraries {
  cached ??= {
    d3: readBundle('d3', 'dist/d3.min.js'),
    plot: readBundle('@observablehq/plot', 'dist/plot.umd.min.js'),
  };
  return cached;
}
