/**
 * Serving the public pages (report, survey, transparency): a built HTML file from the web
 * root, never cached, under its own Content-Security-Policy, stricter than the workspace's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { notFound } from '../errors.js';

const policy = (scriptSrc: string) =>
  [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The policy of the survey and transparency pages: nothing but this server (no inline
 * styles, nothing from another origin, no form posts, no WebAssembly).
 */
export const publicPagePolicy = policy("'self'");

/** The report page's policy: as {@link publicPagePolicy}, with WebAssembly for libsodium. */
export const reportPagePolicy = policy("'self' 'wasm-unsafe-eval'");

/** Route-level onSend setting a page's policy: it runs after the app's security-headers hook, so it wins. */
export function withPagePolicy(
  pagePolicy: string,
): (_request: unknown, reply: FastifyReply, payload: unknown) => Promise<unknown> {
  return async (_request, reply, payload) => {
    reply.header('content-security-policy', pagePolicy);
    return payload;
  };
}

/** A handler answering `file` from the web root, not cached; 404 when the web app is not built. */
export function pageHandler(
  webRoot: string | null,
  file: string,
): (_request: unknown, reply: FastifyReply) => Promise<FastifyReply> {
  return async (_request, reply) => {
    if (webRoot === null) throw notFound();
    let html: string;
    try {
      html = await readFile(path.join(path.resolve(webRoot), file), 'utf8');
    } catch {
      throw notFound();
    }
    return reply.header('cache-control', 'no-cache').type('text/html').send(html);
  };
}
