// Helpers of the reporting tests: recipients with real keys, reports encrypted by the same
// code the public page runs (packages/web/src/public/shared), submitted through the API.
import argon2 from 'argon2';
import type { Role } from '../src/access/roles.js';
import type { ProbityApp } from '../src/app.js';
import type { ReportForm } from '../src/api/reporting.js';
import { encryptReport, receiptLookupKey } from '../../web/src/public/shared/report-crypto.js';
import type { ReportDraft } from '../../web/src/public/shared/report-crypto.js';
import { createRecipientKeys } from '../../web/src/public/shared/recipient-crypto.js';
import type { RecipientKeyPair } from '../../web/src/public/shared/recipient-crypto.js';
import { solveChallenge } from '../../web/src/public/shared/proof-of-work.js';
import type { Argon2id } from '../../web/src/public/shared/sodium.js';
import { loginAs } from './helpers/login-as.js';
import type { TestLogin } from './helpers/login-as.js';

/** Native argon2id: the same bytes as the browser's, faster. */
export const nativeArgon2id: Argon2id = async (password, salt, params, length) =>
  new Uint8Array(
    await argon2.hash(Buffer.from(password), {
      salt: Buffer.from(salt),
      raw: true,
      type: argon2.argon2id,
      timeCost: params.t,
      memoryCost: params.m,
      parallelism: params.p,
      hashLength: length,
    }),
  );

/** A signed-in recipient with an unlocked key pair. */
export interface TestRecipient extends TestLogin {
  keyPair: RecipientKeyPair;
  recoveryKey: string;
}

/** Makes the proof of work cheap for tests (8 bits). */
export function cheapProofOfWork(app: ProbityApp, bits = 8): void {
  app.store.db.prepare('UPDATE reporting_config SET pow_difficulty = ?').run(bits);
}

/** Creates a recipient (their key registered; an investigator's approved by `approver`). */
export async function makeRecipient(
  app: ProbityApp,
  role: Role,
  username: string,
  approver?: TestLogin,
): Promise<TestRecipient> {
  const login = await loginAs(app, role, { username });
  const { record, recoveryKey, keyPair } = await createRecipientKeys(
    `${username} passphrase long`,
    nativeArgon2id,
  );
  const put = await app.inject({
    method: 'PUT',
    url: '/api/reporting/keys/me',
    headers: login.headers,
    payload: record,
  });
  if (put.statusCode !== 200) throw new Error(`key: ${put.statusCode} ${put.body}`);
  if (role !== 'manager' && approver) {
    const ok = await app.inject({
      method: 'POST',
      url: `/api/reporting/recipients/${login.userId}/status`,
      headers: approver.headers,
      payload: { status: 'active' },
    });
    if (ok.statusCode !== 200) throw new Error(`approve: ${ok.statusCode} ${ok.body}`);
  }
  return { ...login, keyPair, recoveryKey };
}

/** A solved proof-of-work challenge from the API, as the `x-report-proof` header. */
export async function solvedProof(app: ProbityApp): Promise<{ 'x-report-proof': string }> {
  const res = await app.inject({ method: 'POST', url: '/api/public/report-challenges' });
  const { challenge, difficulty } = res.json<{ challenge: string; difficulty: number }>();
  return { 'x-report-proof': `${challenge}.${await solveChallenge(challenge, difficulty)}` };
}

/** Encrypts and submits a report as the public page does; returns the receipt and answer. */
export async function submitReport(
  app: ProbityApp,
  draft: ReportDraft,
  options: { leaveOut?: number[]; headers?: Record<string, string> } = {},
): Promise<{ receipt: string; reference: string; statusCode: number; body: string }> {
  const form = (
    await app.inject({ method: 'GET', url: '/api/public/report-form' })
  ).json<ReportForm>();
  const chosen = form.recipients.filter((r) => !(options.leaveOut ?? []).includes(r.id));
  const { receipt, submission } = await encryptReport(
    draft,
    chosen,
    form.receiptSalt,
    nativeArgon2id,
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/public/reports',
    headers: { ...options.headers, ...(await solvedProof(app)) },
    payload: submission,
  });
  const reference = res.statusCode === 201 ? res.json<{ reference: string }>().reference : '';
  return { receipt, reference, statusCode: res.statusCode, body: res.body };
}

/** The lookup key of a receipt, as the follow-up page computes it. */
export async function lookupKeyOf(app: ProbityApp, receipt: string): Promise<string> {
  const form = (
    await app.inject({ method: 'GET', url: '/api/public/report-form' })
  ).json<ReportForm>();
  return receiptLookupKey(receipt, form.receiptSalt, nativeArgon2id);
}

/** Signs a reporter in with their receipt, as the follow-up page does; returns the session token. */
export async function followUpToken(app: ProbityApp, receipt: string): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/public/reports/follow-up',
    headers: await solvedProof(app),
    payload: { receiptKey: await lookupKeyOf(app, receipt) },
  });
  if (login.statusCode !== 201) throw new Error(`follow-up: ${login.statusCode} ${login.body}`);
  return login.json<{ token: string }>().token;
}
