import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Content-Security-Policy of every response. `style-src 'unsafe-inline'` is
 * needed because Observable Plot writes a `<style>` element into each chart's
 * SVG; scripts stay `'self'` only. `img-src data:` serves the icons Swagger UI
 * and Plot embed as data URIs.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** onSend hook: security headers on every response (API, static files, errors). */
export async function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('content-security-policy', contentSecurityPolicy);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  return payload;
}
