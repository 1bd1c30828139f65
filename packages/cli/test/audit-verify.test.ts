import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { appendAudit, openStore } from '@probity/server';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'probity-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verify(state: string) {
  return spawnSync(process.execPath, [cli, 'audit', 'verify', '--state', state], {
    encoding: 'utf8',
  });
}

describe('probity audit verify', () => {
  it('says the chain is intact, then names the first entry edited behind its back', () => {
    const state = path.join(dir, 'state.sqlite');
    const store = openStore(state);
    store.db.transaction(() => {
      for (let i = 1; i <= 5; i++) {
        appendAudit(store.db, {
          actorId: null,
          action: 'settings_changed',
          targetType: 'settings',
          targetId: String(i),
          details: { step: i },
        });
      }
    })();
    store.close();

    const intact = verify(state);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/intact: 5 entries/);

    // Someone with write access to the file rewrites the third entry's details.
    const db = new Database(state);
    const third = db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2').get() as {
      id: number;
    };
    db.prepare('UPDATE audit_log SET details = ? WHERE id = ?').run('{"step":99}', third.id);
    db.close();

    const broken = verify(state);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at entry ${third.id}`);
  });
});
