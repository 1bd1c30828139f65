import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openStore, schemaVersion } from '../src/store/database.js';
import type { Db } from '../src/store/database.js';
import { migrations } from '../src/store/migrations/index.js';

function schemaOf(db: Db): string[] {
  return (
    db
      .prepare(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY type, name",
      )
      .pluck()
      .all() as string[]
  ).map((s) => s.replace(/\s+/g, ' '));
}

const latest = migrations.length;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('state store', () => {
  it('numbers migrations 1, 2, 3… in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('opens a new database at the latest version with foreign keys on', () => {
    const store = openStore(':memory:');
    expect(schemaVersion(store.db)).toBe(latest);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('uses WAL and a busy timeout for a new database file readable by its owner only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'probity-store-'));
    dirs.push(dir);
    const store = openStore(path.join(dir, 'state.sqlite'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(statSync(path.join(dir, 'state.sqlite')).mode & 0o777).toBe(0o600);
    store.close();
  });

  // Generic over the list: every migration added later (cases' 0002, …) is covered.
  for (let from = 0; from < latest; from += 1) {
    it(`upgrades a database created at version ${from} to the same schema as a new one`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'probity-store-'));
      dirs.push(dir);
      const file = path.join(dir, 'state.sqlite');
      const old = openStore(file, { migrations: migrations.slice(0, from) });
      expect(schemaVersion(old.db)).toBe(from);
      old.close();
      const upgraded = openStore(file);
      const fresh = openStore(':memory:');
      expect(schemaVersion(upgraded.db)).toBe(latest);
      expect(schemaOf(upgraded.db)).toEqual(schemaOf(fresh.db));
      upgraded.close();
      fresh.close();
    });
  }

  it('keeps rows through an upgrade from version 1', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, password_changed_at)
       VALUES ('kept', 'Kept', 'analyst', 'x', 'now', 'now', 'now')`,
    ).run();
    migrate(db, migrations);
    expect(db.prepare('SELECT username FROM users').pluck().all()).toEqual(['kept']);
    db.close();
  });

  it('rolls back a failing migration entirely, version included', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      {
        version: latest + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM missing;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(
      0,
    );
    db.close();
  });

  it('refuses a database newer than the software', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latest + 1}`);
    expect(() => migrate(db, migrations)).toThrow(
      expect.objectContaining({ code: 'STATE_TOO_NEW' }),
    );
    db.close();
  });
});
