import { ServerError } from './errors.js';

/** Log level of the server's Pino logger; `silent` turns logging off (the default in tests). */
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** The server's configuration: read once by the entry point, validated, frozen, passed down. */
export interface ServerConfig {
  /** TCP port to listen on. */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** SQLite file holding application state (users, sessions, cases, audit trail); `:memory:` in tests. */
  readonly stateFile: string;
  /** DuckDB warehouse file the analytics routes read, or null when there is none yet. */
  readonly warehouseFile: string | null;
  /** Folder holding the built web app (packages/web/dist), or null to serve the API only. */
  readonly webRoot: string | null;
  /** Key of the analysis pseudonyms (HMAC); must be the key the served analysis used. */
  readonly pseudonymKey: string;
  /** Send cookies with `Secure` (true unless the server is reached over plain HTTP on a non-localhost host). */
  readonly cookieSecure: boolean;
  /** A session ends after this many minutes without a request. */
  readonly sessionIdleMinutes: number;
  /** A session ends this many hours after login whatever the activity. */
  readonly sessionMaxHours: number;
  /** Pino log level; `silent` disables the logger. */
  readonly logLevel: LogLevel;
  /** Name shown in authenticator apps (the TOTP issuer). */
  readonly totpIssuer: string;
}

/** Input of {@link serverConfig}: only the state file and the pseudonym key are required. */
export type ServerConfigInput = Partial<ServerConfig> &
  Pick<ServerConfig, 'stateFile' | 'pseudonymKey'>;

const logLevels: readonly LogLevel[] = [
  'silent',
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
];

function invalid(message: string): ServerError {
  return new ServerError('INVALID_CONFIG', 500, message);
}

function positiveInteger(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(`${name} must be an integer between 1 and ${max}, got ${String(value)}.`);
  }
  return value;
}

/** Validate and complete a server configuration with defaults; the result is frozen. */
export function serverConfig(input: ServerConfigInput): ServerConfig {
  if (typeof input.stateFile !== 'string' || input.stateFile === '') {
    throw invalid('stateFile is required.');
  }
  if (typeof input.pseudonymKey !== 'string' || input.pseudonymKey === '') {
    throw invalid('pseudonymKey is required.');
  }
  const logLevel = input.logLevel ?? 'silent';
  if (!logLevels.includes(logLevel)) throw invalid(`Unknown logLevel ${String(logLevel)}.`);
  const config: ServerConfig = {
    port: input.port === 0 ? 0 : positiveInteger('port', input.port ?? 8080, 65535),
    host: input.host ?? '127.0.0.1',
    stateFile: input.stateFile,
    warehouseFile: input.warehouseFile ?? null,
    webRoot: input.webRoot ?? null,
    pseudonymKey: input.pseudonymKey,
    cookieSecure: input.cookieSecure ?? true,
    sessionIdleMinutes: positiveInteger(
      'sessionIdleMinutes',
      input.sessionIdleMinutes ?? 30,
      24 * 60,
    ),
    sessionMaxHours: positiveInteger('sessionMaxHours', input.sessionMaxHours ?? 12, 24 * 7),
    logLevel,
    totpIssuer: input.totpIssuer ?? 'Probity',
  };
  return Object.freeze(config);
}
