import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  MyRecipientKey,
  RecipientKeyBody,
  RecipientList,
  RecipientParams,
  RecipientStatusBody,
  ReportOk,
} from '../api/reporting.js';
import { unauthenticated } from '../errors.js';
import {
  listRecipients,
  myRecipientKey,
  registerRecipientKey,
  setRecipientStatus,
} from '../reporting/recipient-keys.js';

function userOf(request: FastifyRequest) {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/**
 * Recipients' keys: a recipient stores their public key and their private key wrapped in
 * their browser (passphrase, recovery key); managers approve or revoke recipients.
 */
const recipientKeys: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.store.db;
  const recipients = app.requireRole(['investigator', 'manager']);

  app.get(
    '/reporting/keys/me',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: "The reader's key record (private key wrapped: only they can unwrap it)",
        response: { 200: MyRecipientKey },
      },
    },
    async (request) => myRecipientKey(db, userOf(request).id),
  );

  app.put(
    '/reporting/keys/me',
    {
      preHandler: recipients,
      schema: {
        tags: ['reporting'],
        summary: 'Register or re-wrap the reader’s key (a new key pair waits for approval)',
        body: RecipientKeyBody,
        response: { 200: MyRecipientKey },
      },
    },
    async (request) => registerRecipientKey(db, userOf(request), request.body, new Date()),
  );

  app.get(
    '/reporting/recipients',
    {
      preHandler: app.requireRole(['manager']),
      schema: {
        tags: ['reporting'],
        summary: 'Recipients and their key status',
        response: { 200: RecipientList },
      },
    },
    async () => listRecipients(db),
  );

  app.post(
    '/reporting/recipients/:userId/status',
    {
      preHandler: app.requireRole(['manager']),
      schema: {
        tags: ['reporting'],
        summary: "Approve or revoke a recipient's key",
        params: RecipientParams,
        body: RecipientStatusBody,
        response: { 200: ReportOk },
      },
    },
    async (request) => {
      setRecipientStatus(
        db,
        userOf(request),
        request.params.userId,
        request.body.status,
        new Date(),
      );
      return { ok: true as const };
    },
  );
};

export default recipientKeys;
