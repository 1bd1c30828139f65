import type { ServerConfig } from '../config.js';
import type { SessionLimits } from './sessions.js';

/** Session lifetimes from the server configuration; a pending sign-in lasts 5 minutes. */
export function sessionLimits(config: ServerConfig): SessionLimits {
  return {
    idleMs: config.sessionIdleMinutes * 60_000,
    absoluteMs: config.sessionMaxHours * 3_600_000,
    pendingMs: 5 * 60_000,
  };
}
