import type { AuthenticatedUser } from '../access/roles.js';
import type { MyRecipientKey, RecipientKeyBody, RecipientList } from '../api/reporting.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Db } from '../store/database.js';
import { reportingError, reportingErrorCodes } from './reporting-errors.js';

interface RecipientRow {
  user_id: number;
  public_key: string;
  passphrase_wrap: string;
  recovery_wrap: string;
  status: 'pending' | 'active' | 'revoked';
  registered_at: string;
}

/** The signed-in person's key record (wrapped private key included: only they can unwrap it). */
export function myRecipientKey(db: Db, userId: number): MyRecipientKey {
  const row = db.prepare('SELECT * FROM report_recipients WHERE user_id = ?').get(userId) as
    RecipientRow | undefined;
  if (!row) return { key: null };
  return {
    key: {
      publicKey: row.public_key,
      passphraseWrap: JSON.parse(row.passphrase_wrap) as RecipientKeyBody['passphraseWrap'],
      recoveryWrap: JSON.parse(row.recovery_wrap) as RecipientKeyBody['recoveryWrap'],
      status: row.status,
      registeredAt: row.registered_at,
    },
  };
}

/**
 * Registers or replaces the person's key. Re-wrapping the same key (a new passphrase) keeps
 * its status. A new key pair cannot open the reports sealed to the old one: their sealed keys
 * are deleted. A new key waits for another manager's approval, except the first manager's.
 */
export function registerRecipientKey(
  db: Db,
  user: AuthenticatedUser,
  body: RecipientKeyBody,
  now: Date,
): MyRecipientKey {
  db.transaction(() => {
    const old = db
      .prepare('SELECT public_key, status FROM report_recipients WHERE user_id = ?')
      .get(user.id) as { public_key: string; status: RecipientRow['status'] } | undefined;
    const sameKey = old?.public_key === body.publicKey;
    // Only the first manager's key is active at once (someone must start the channel); any
    // other new key waits for another manager: an admin who makes a manager account cannot
    // thereby start receiving reports.
    const otherActiveManager = db
      .prepare(
        `SELECT 1 FROM report_recipients r JOIN users u ON u.id = r.user_id
         WHERE r.status = 'active' AND u.role = 'manager' AND u.disabled = 0 AND r.user_id <> ?`,
      )
      .get(user.id);
    const status =
      sameKey && old
        ? old.status
        : user.role === 'manager' && !otherActiveManager
          ? 'active'
          : 'pending';
    db.prepare(
      `INSERT INTO report_recipients (user_id, public_key, passphrase_wrap, recovery_wrap, status, registered_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET public_key = excluded.public_key,
         passphrase_wrap = excluded.passphrase_wrap, recovery_wrap = excluded.recovery_wrap,
         status = excluded.status, registered_at = excluded.registered_at`,
    ).run(
      user.id,
      body.publicKey,
      JSON.stringify(body.passphraseWrap),
      JSON.stringify(body.recoveryWrap),
      status,
      now.toISOString(),
    );
    if (old && !sameKey) db.prepare('DELETE FROM report_keys WHERE user_id = ?').run(user.id);
    appendAudit(db, {
      actorId: user.id,
      action: sameKey ? 'reporting.key_rewrap' : 'reporting.key_register',
      targetType: 'user',
      targetId: String(user.id),
      details: { status },
    });
  })();
  return myRecipientKey(db, user.id);
}

/** Recipients as managers see them (to approve or revoke). */
export function listRecipients(db: Db): RecipientList {
  const rows = db
    .prepare(
      `SELECT r.user_id, u.display_name, u.role, r.public_key, r.status, r.registered_at
       FROM report_recipients r JOIN users u ON u.id = r.user_id ORDER BY r.user_id`,
    )
    .all() as (RecipientRow & { display_name: string; role: string })[];
  return {
    items: rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role,
      publicKey: r.public_key,
      status: r.status,
      registeredAt: r.registered_at,
    })),
  };
}

/** A manager approves (active) or revokes a recipient's key; not their own. */
export function setRecipientStatus(
  db: Db,
  manager: AuthenticatedUser,
  userId: number,
  status: 'active' | 'revoked',
  now: Date,
): void {
  if (userId === manager.id) {
    throw reportingError(
      reportingErrorCodes.selfExclusion,
      409,
      "Another manager decides on a manager's own key.",
    );
  }
  db.transaction(() => {
    const info = db
      .prepare(
        'UPDATE report_recipients SET status = ?, decided_by = ?, decided_at = ? WHERE user_id = ?',
      )
      .run(status, manager.id, now.toISOString(), userId);
    if (info.changes === 0) {
      throw reportingError(reportingErrorCodes.keyMissing, 404, 'That person has no key.');
    }
    appendAudit(db, {
      actorId: manager.id,
      action: 'reporting.key_status',
      targetType: 'user',
      targetId: String(userId),
      details: { status },
    });
  })();
}

/** The public form's list: active recipients' ids, labels and public keys. */
export function publicRecipients(db: Db): { id: number; label: string; publicKey: string }[] {
  const rows = db
    .prepare(
      `SELECT r.user_id AS id, u.display_name AS label, r.public_key AS publicKey
       FROM report_recipients r JOIN users u ON u.id = r.user_id
       WHERE r.status = 'active' AND u.disabled = 0 AND u.role IN ('investigator', 'manager')
       ORDER BY r.user_id`,
    )
    .all() as { id: number; label: string; publicKey: string }[];
  return rows;
}
