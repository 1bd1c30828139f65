import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ServerError } from '../errors.js';
import { migrations as allMigrations } from './migrations/index.js';
import type { Migration } from './migrations/index.js';

/** An open SQLite connection (better-sqlite3). Other modules use this type, never the driver. */
export type Db = Database.Database;

/** The application state store: one SQLite connection, migrated to the latest version. */
export interface Store {
  readonly db: Db;
  close(): void;
}

/**
 * Open (or create) the state database: WAL journal, foreign keys on, a busy
 * timeout, then every pending migration applied. `':memory:'` works for tests.
 */
export function openStore(
  file: string,
  options: { migrations?: readonly Migration[] } = {},
): Store {
  let db: Db;
  const isNewFile = file !== ':memory:' && !existsSync(file);
  try {
    db = new Database(file);
    // Sessions, TOTP secrets and case notes live here: readable by the server's user only.
    // SQLite gives the -wal and -shm files the same permissions.
    if (isNewFile) chmodSync(file, 0o600);
  } catch (cause) {
    throw new ServerError('STATE_OPEN_FAILED', 500, `Cannot open the state database ${file}.`, {
      cause,
    });
  }
  try {
    // WAL lets readers run while one writer commits; in-memory databases keep their own mode.
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, options.migrations ?? allMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    close() {
      if (db.open) db.close();
    },
  };
}

/** The schema version of `db` (`PRAGMA user_version`: the last migration applied). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Apply the migrations newer than the database's version, each in its own
 * transaction together with the version bump. Returns the new version.
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  checkOrder(migrations);
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ServerError(
      'STATE_TOO_NEW',
      500,
      `The state database is at version ${current}, newer than this software (${latest}).`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version is in the database header and is rolled back with the transaction.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new ServerError(
        'MIGRATIONS_OUT_OF_ORDER',
        500,
        `Migration ${migration.name} has version ${migration.version}, expected ${index + 1}.`,
      );
    }
  });
}
