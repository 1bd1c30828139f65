import type { FastifyReply, FastifyRequest } from 'fastify';

const policy = (styleSrc: string) =>
  [
    "default-src 'self'",
    // WebAssembly compilation only (libsodium, for the reports inbox); never JavaScript eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * Content-Security-Policy of every response: scripts and styles from the
 * server only. The web app needs no inline style (it drops the `<style>`
 * element Observable Plot writes into each chart; app.css carries those
 * rules). `img-src data:` serves the icons Plot and Swagger UI embed.
 */
export const contentSecurityPolicy = policy("'self'");

/** The API documentation page (Swagger UI) sets inline styles: it alone gets `'unsafe-inline'` styles. */
export const apiDocsContentSecurityPolicy = policy("'self' 'unsafe-inline'");

/** onSend hook: security headers on every response (API, static files, errors). */
export async function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header(
    'content-security-policy',
    request.url.startsWith('/api/docs') ? apiDocsContentSecurityPolicy : contentSecurityPolicy,
  );
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  return payload;
}
