import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Lints a snippet as if it were the given file of the repository; returns the rules it breaks. */
async function brokenRules(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the import boundaries of CONVENTIONS.md', () => {
  it('refuses an import from the rest of the project in stats', async () => {
    const broken = await brokenRules(
      'packages/engine/src/stats/example.ts',
      "import { openWarehouse } from '../warehouse/index.js';\nexport const x = openWarehouse;\n",
    );
    expect(broken.join('\n')).toMatch(/no-restricted-imports.*arrays in, arrays out/);
  });

  it('refuses DuckDB outside the warehouse module', async () => {
    const broken = await brokenRules(
      'packages/engine/src/indicators/example.ts',
      "import { DuckDBInstance } from '@duckdb/node-api';\nexport const x = DuckDBInstance;\n",
    );
    expect(broken.join('\n')).toMatch(/Only engine\/src\/warehouse imports DuckDB/);
  });

  it('refuses the CLI from the engine and deep imports across packages', async () => {
    expect(
      (
        await brokenRules(
          'packages/engine/src/load/example.ts',
          "import { buildProgram } from '@probity/cli';\nexport const x = buildProgram;\n",
        )
      ).join('\n'),
    ).toMatch(/never imports the server, the web app or the CLI/);
    expect(
      (
        await brokenRules(
          'packages/cli/src/example.ts',
          "import { loadDataset } from '@probity/engine/dist/load/index.js';\nexport const x = loadDataset;\n",
        )
      ).join('\n'),
    ).toMatch(/never a deep path/);
  });

  it('accepts DuckDB inside the warehouse module', async () => {
    const broken = await brokenRules(
      'packages/engine/src/warehouse/example.ts',
      "import { DuckDBInstance } from '@duckdb/node-api';\nexport const x = DuckDBInstance;\n",
    );
    expect(broken).toEqual([]);
  });

  it('refuses SQLite in the server outside its store, and accepts it inside', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const x = Database;\n";
    expect((await brokenRules('packages/server/src/cases/example.ts', code)).join('\n')).toMatch(
      /Only the server store imports SQLite/,
    );
    expect(await brokenRules('packages/server/src/store/example.ts', code)).toEqual([]);
  });

  it('lets the web app import only types from the server', async () => {
    expect(
      (
        await brokenRules(
          'packages/web/src/example.ts',
          "import { buildApp } from '@probity/server';\nexport const x = buildApp;\n",
        )
      ).join('\n'),
    ).toMatch(/imports only API types from the server/);
    expect(
      await brokenRules(
        'packages/web/src/example.ts',
        "import type { RankedUnit } from '@probity/server';\nexport type X = RankedUnit;\n",
      ),
    ).toEqual([]);
    expect(
      (
        await brokenRules(
          'packages/web/src/example.ts',
          "import { openWarehouse } from '@probity/engine';\nexport const x = openWarehouse;\n",
        )
      ).join('\n'),
    ).toMatch(/talks to the server over HTTP/);
  });
});
