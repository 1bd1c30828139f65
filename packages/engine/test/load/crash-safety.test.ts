import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../src/warehouse/index.js';
import { listRejects, loadDataset, warehouseStatus } from '../../src/load/index.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/load/', import.meta.url));
const engineDist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a valid declarations file large enough that its load takes a while. */
async function writeLargeDataset(folder: string, rows: number): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(folder, { recursive: true });
  const out = createWriteStream(path.join(folder, 'declarations.csv'));
  out.write(
    'declaration_id,office_code,procedure,lodged_at,released_at,declarant_id,trader_id,risk_channel,final_channel,inspected,declared_value,declared_duty\n',
  );
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `L${i},CMDLA,import,2025-03-14T09:30:00,2025-03-15T10:00:00,B${i % 97},T${i % 1013},green,green,false,${i}.5,${i % 1000}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

describe('a load killed midway', () => {
  it('leaves the previous load queryable and unchanged (child process sent SIGKILL)', async () => {
    expect(existsSync(engineDist), 'run `npm run build` first: the child process uses dist').toBe(
      true,
    );
    const db = path.join(dir, 'warehouse.duckdb');
    const first = await openWarehouse(db);
    await loadDataset(first.connection, path.join(fixtures, 'duplicate-id'));
    const before = await warehouseStatus(first.connection);
    const rejectsBefore = await listRejects(first.connection);
    first.close();

    const large = path.join(dir, 'large');
    await writeLargeDataset(large, 300_000);
    const script = `
      import { openWarehouse, loadDataset } from ${JSON.stringify(engineDist)};
      const w = await openWarehouse(process.argv[1]);
      await loadDataset(w.connection, process.argv[2], {
        onProgress: (p) => console.log(JSON.stringify(p)),
      });
      console.log('"committed"');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, db, large], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let killedAt: string | undefined;
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      output += text;
      // Kill once the rows are staged inside the open transaction, before commit.
      if (!killedAt && output.includes('"stage":"checking"')) {
        killedAt = 'checking declarations';
        child.kill('SIGKILL');
      }
    });
    const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect(killedAt).toBe('checking declarations');
    expect(signal).toBe('SIGKILL');
    expect(output).not.toContain('committed');

    const after = await openWarehouse(db);
    try {
      expect(await warehouseStatus(after.connection)).toEqual(before);
      expect(await listRejects(after.connection)).toEqual(rejectsBefore);
      // And the warehouse still takes a new load after the crash.
      const summary = await loadDataset(after.connection, large);
      expect(summary.tables['declarations']).toMatchObject({ read: 300_000, accepted: 300_000 });
    } finally {
      after.close();
    }
  }, 120_000);
});
