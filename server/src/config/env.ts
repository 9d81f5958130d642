import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerOptions } from '../app.js';
import { normaliseConsoleOrigin } from '../http/cors.js';
import { defaultPGliteDir } from './user-data-dir.js';

const DEFAULT_PORT = 8787;

/** Thrown for a setting a person must fix before the server can start. */
export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
  return port;
}

/** `{ [key]: n }` for a positive whole number in env[name], `{}` when unset. */
function positiveInt<K extends string>(env: NodeJS.ProcessEnv, name: string, key: K): Partial<Record<K, number>> {
  const raw = env[name];
  if (raw === undefined || raw === '') return {};
  const n = Number(raw);
  if (!(Number.isInteger(n) && n > 0)) throw new ConfigError(`${name} must be a positive whole number, not "${raw}".`);
  return { [key]: n } as Partial<Record<K, number>>;
}

/** SLA_SCHEDULER_MS: how often this instance fires due SLA actions, in ms (0 = never; unset = 30 s). */
export function slaSchedulerFromEnv(env: NodeJS.ProcessEnv): Pick<ServerOptions, 'slaSchedulerMs'> {
  const raw = env.SLA_SCHEDULER_MS;
  if (raw === undefined || raw === '') return {};
  const ms = Number(raw);
  if (!(Number.isInteger(ms) && ms >= 0))
    throw new ConfigError(
      `SLA_SCHEDULER_MS must be a whole number of milliseconds (0 turns the SLA scheduler off), not "${raw}".`,
    );
  if (ms > 0 && ms < 1000) throw new ConfigError(`SLA_SCHEDULER_MS must be at least 1000 (one second) or 0, not "${raw}".`);
  return { slaSchedulerMs: ms };
}

/** Where the database lives: DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default in the user data folder). */
export function databaseFromEnv(env: NodeJS.ProcessEnv): Pick<ServerOptions, 'databaseUrl' | 'dataDir'> {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: env.DATA_DIR || defaultPGliteDir() };
}

/** SMTP_URL, MAIL_FROM and PUBLIC_URL, checked so a typo fails at start-up instead of at the first e-mail. */
export function mailFromEnv(env: NodeJS.ProcessEnv): Pick<ServerOptions, 'smtpUrl' | 'mailFrom' | 'publicUrl'> {
  const options: Pick<ServerOptions, 'smtpUrl' | 'mailFrom' | 'publicUrl'> = {};
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\/[^/]/.test(env.SMTP_URL))
      throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465.');
    options.smtpUrl = env.SMTP_URL;
  }
  if (env.MAIL_FROM) options.mailFrom = env.MAIL_FROM;
  if (env.PUBLIC_URL) {
    if (!/^https?:\/\/[^/]/.test(env.PUBLIC_URL))
      throw new ConfigError(
        'PUBLIC_URL must be the http(s) address people use to reach this server, e.g. https://desk.example.org.',
      );
    options.publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  }
  return options;
}

/**
 * INBOUND_SMTP_PORT (unset = no inbound mail), INBOUND_SMTP_HOST (default 127.0.0.1) and INBOUND_MAIL_ADDRESS (the
 * Reply-To: of mail about a ticket, where callers' answers reach that listener through the mail system).
 */
export function inboundMailFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<ServerOptions, 'inboundSmtpPort' | 'inboundSmtpHost' | 'inboundMailAddress'> {
  const options: Pick<ServerOptions, 'inboundSmtpPort' | 'inboundSmtpHost' | 'inboundMailAddress'> = {};
  const raw = env.INBOUND_SMTP_PORT;
  if (raw) {
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      throw new ConfigError(`INBOUND_SMTP_PORT must be a whole number from 1 to 65535, not "${raw}".`);
    options.inboundSmtpPort = port;
  }
  if (env.INBOUND_SMTP_HOST) options.inboundSmtpHost = env.INBOUND_SMTP_HOST;
  if (env.INBOUND_MAIL_ADDRESS) options.inboundMailAddress = env.INBOUND_MAIL_ADDRESS;
  return options;
}

/**
 * CONSOLE_ORIGINS: comma-separated browser origins allowed to call the API cross-origin (`null` = the desktop app),
 * `none` for no cross-origin caller at all; unset keeps the default (the desktop app only, see http/cors.ts).
 */
export function consoleOriginsFromEnv(env: NodeJS.ProcessEnv): Pick<ServerOptions, 'consoleOrigins'> {
  const raw = env.CONSOLE_ORIGINS?.trim();
  if (raw === undefined || raw === '') return {};
  if (raw.toLowerCase() === 'none') return { consoleOrigins: [] };
  const origins = raw.split(',').map((entry) => {
    const origin = normaliseConsoleOrigin(entry);
    if (origin === null)
      throw new ConfigError(
        `CONSOLE_ORIGINS: "${entry.trim()}" is not an origin. List origins as browsers send them, separated by commas, e.g. CONSOLE_ORIGINS=https://desk.example.org,null (null = the desktop app), or none.`,
      );
    return origin;
  });
  return { consoleOrigins: [...new Set(origins)] };
}

/**
 * Server options from the environment: PORT, HOST, DATABASE_URL, DATA_DIR, SEED_DEMO, STATIC_DIR, JWT_SECRET,
 * LOG_LEVEL, ACCESS_TOKEN_TTL_SECONDS, LOGIN_RATE_LIMIT_PER_MINUTE, LOGIN_MAX_FAILURES, SMTP_URL, MAIL_FROM,
 * PUBLIC_URL, CONSOLE_ORIGINS, SLA_SCHEDULER_MS, INBOUND_SMTP_PORT, INBOUND_SMTP_HOST, INBOUND_MAIL_ADDRESS.
 */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerOptions {
  const staticDir = env.STATIC_DIR ? resolve(cwd, env.STATIC_DIR) : resolve(cwd, 'dist/renderer');
  if (env.STATIC_DIR && !existsSync(staticDir))
    throw new ConfigError(
      `STATIC_DIR "${env.STATIC_DIR}" does not exist. Build the console first (npm run build:renderer) or unset STATIC_DIR.`,
    );
  const ttl = env.ACCESS_TOKEN_TTL_SECONDS ? Number(env.ACCESS_TOKEN_TTL_SECONDS) : undefined;
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0))
    throw new ConfigError('ACCESS_TOKEN_TTL_SECONDS must be a positive whole number.');
  const loginLimits = {
    ...positiveInt(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 'requestsPerMinute'),
    ...positiveInt(env, 'LOGIN_MAX_FAILURES', 'maxFailures'),
  };
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    ...databaseFromEnv(env),
    seedDemo: env.SEED_DEMO === '1' || env.SEED_DEMO === 'true',
    staticDir: existsSync(staticDir) ? staticDir : undefined,
    logLevel: env.LOG_LEVEL || 'info',
    accessTokenTtlSeconds: ttl,
    jwtSecret: env.JWT_SECRET || undefined,
    ...(Object.keys(loginLimits).length > 0 ? { loginLimits } : {}),
    ...mailFromEnv(env),
    ...consoleOriginsFromEnv(env),
    ...slaSchedulerFromEnv(env),
    ...inboundMailFromEnv(env),
  };
}
