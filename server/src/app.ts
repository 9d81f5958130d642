import type { AppContext } from './app-context.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { buildApp } from './http/build-app.js';
import { DEFAULT_CONSOLE_ORIGINS } from './http/cors.js';
import { SseRegistry } from './http/sse.js';
import { readAppVersion } from './http/version.js';
import { seedDemoIfEmpty } from './seed/seed-demo.js';
import { AccessTokens } from './services/auth/access-tokens.js';
import { AuthService } from './services/auth/auth-service.js';
import { resolveJwtSecret } from './services/auth/jwt-secret.js';
import { LoginThrottle } from './services/auth/login-throttle.js';
import { smtpTransport } from './services/mail/mail-transport.js';
import { OutboxSender } from './services/mail/outbox-sender.js';
import { DEFAULT_MAIL_PER_USER_PER_HOUR } from './services/mail/mail-queue.js';
import { surveyPushEffect } from './services/surveys/survey-push-effects.js';
import { callerMailEffect } from './services/notifications/caller-mail.js';
import { recordDirectoryAudit } from './services/directory/directory-audit-effect.js';
import { removeReferencesToDeletedCis } from './services/cmdb/ci-deletion-effect.js';
import { recordCiHistory } from './services/cmdb/ci-history-effect.js';
import { PresenceHub } from './services/presence/presence-hub.js';
import { ChangeHub } from './services/sync/change-hub.js';
import { recordPublishedVersions } from './services/kb/version-snapshots.js';
import { resyncWidenedAccess } from './services/sync/access-change-resync.js';
import { mailStakeholderUpdates } from './services/major/stakeholder-mail.js';
import { mailApprovalRequests } from './services/changes/approval-mail.js';
import { feedSlaFromPush } from './services/sla/sla-feed.js';
import { replyMailEffect } from './services/mail/reply-mail.js';
import { startInboundSmtp, type InboundSmtp } from './services/inbound-mail/inbound-smtp.js';
import { DEFAULT_SLA_SCHEDULER_MS, SlaSchedulerTimer } from './services/sla/sla-scheduler-timer.js';

export type { Database } from './db/database.js';

export interface ServerOptions {
  /** TCP port; 0 or absent picks a free one (main.ts defaults to 8787). */
  port?: number;
  host?: string;
  /** PostgreSQL connection string; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' = in-memory PGlite (the default when neither is given). */
  dataDir?: string;
  /** Seed demo data (300 tickets, 60 articles) when the database is empty. */
  seedDemo?: boolean;
  /** Built web console to serve at / with SPA fallback to index.html. */
  staticDir?: string;
  /**
   * Browser origins allowed to call the API cross-origin, as `Origin` headers write them (`null` is the desktop
   * app's file:// pages); default DEFAULT_CONSOLE_ORIGINS. The console served here is same-origin and needs none.
   */
  consoleOrigins?: readonly string[];
  logLevel?: string;
  accessTokenTtlSeconds?: number;
  /** HS256 secret; when absent, one is generated once and stored in the database. */
  jwtSecret?: string;
  /** Sign-in protection; see DEFAULT_LOGIN_LIMITS. */
  loginLimits?: Partial<LoginLimits>;
  /** SMTP server for outgoing e-mail (`smtp://` or `smtps://`); without it, e-mail stays queued in mail_outbox. */
  smtpUrl?: string;
  /** From: of outgoing e-mail. */
  mailFrom?: string;
  /** Base URL for links in e-mail; defaults to the URL the server listens on. */
  publicUrl?: string;
  /** How often the e-mail sender looks for due messages besides being notified (ms). */
  mailPollMs?: number;
  /** Messages one user's writes may have the desk send per hour; beyond it mail is held (DEFAULT_MAIL_PER_USER_PER_HOUR). */
  mailPerUserPerHour?: number;
  /** Answers posted to the public survey page per client address per minute (default 30), then 429. */
  surveyPostsPerMinute?: number;
  /** How long a presence entry lives without a heartbeat (ms); default PRESENCE_TTL_MS (30 s). */
  presenceTtlMs?: number;
  /** How often this instance fires due SLA actions (ms); default 30 s, 0 = never (tests that run passes themselves). */
  slaSchedulerMs?: number;
  /**
   * Port of the inbound mail listener (callers' answers threaded into their tickets); absent = no listener (the
   * default), 0 = a free port (tests).
   */
  inboundSmtpPort?: number;
  /** Where the inbound listener binds; default 127.0.0.1. */
  inboundSmtpHost?: string;
  /** Reply-To: of mail about a ticket: the address whose mail reaches the inbound listener. */
  inboundMailAddress?: string;
  /** How often, at most, an open sync stream checks again that its caller's token holds (ms); default 30 s. */
  streamRecheckMs?: number;
}

export interface LoginLimits {
  /** Requests per client address per minute to POST /api/auth/login and /refresh (then 429). */
  requestsPerMinute: number;
  /** Failed sign-ins per client address and e-mail address within `failureWindowMs` (then 429). */
  maxFailures: number;
  failureWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { requestsPerMinute: 100, maxFailures: 10, failureWindowMs: 15 * 60_000 };

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  /** Port of the inbound mail listener, when one was started. */
  inboundSmtpPort?: number;
  close(): Promise<void>;
}

const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;
const DEFAULT_MAIL_FROM = 'Service Desk <servicedesk@localhost>';
const DEFAULT_SURVEY_POSTS_PER_MINUTE = 30;

function publicHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function loginProtection(limits: LoginLimits): Pick<AppContext, 'loginThrottle' | 'authRequestsPerMinute'> {
  return {
    loginThrottle: new LoginThrottle({ maxFailures: limits.maxFailures, windowMs: limits.failureWindowMs }),
    authRequestsPerMinute: limits.requestsPerMinute,
  };
}

/** Opens the database (migrating it), optionally seeds it, and starts the HTTP server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const logLevel = options.logLevel ?? 'info';
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    log: (message, error) => console.error(`[db] ${message}${error instanceof Error ? `: ${error.message}` : ''}`),
  });
  const hub = new ChangeHub(db);
  const presence = new PresenceHub(db, { ttlMs: options.presenceTtlMs });
  let listeningUrl = '';
  let outbox: OutboxSender | undefined;
  let slaTimer: SlaSchedulerTimer | undefined;
  let inbound: InboundSmtp | undefined;
  try {
    if (options.seedDemo) await seedDemoIfEmpty(db);
    const tokens = new AccessTokens(
      await resolveJwtSecret(db, options.jwtSecret),
      options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    );
    const publicUrl = (): string => options.publicUrl ?? listeningUrl;
    const mailPerUserPerHour = options.mailPerUserPerHour ?? DEFAULT_MAIL_PER_USER_PER_HOUR;
    const ctx: AppContext = {
      db,
      tokens,
      auth: new AuthService(db, tokens),
      hub,
      streams: new SseRegistry(),
      presence,
      version: readAppVersion(),
      ...loginProtection({ ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits }),
      pushEffects: [
        // New tickets are already numbered (stampWrites): the caller's e-mail and the survey invitation quote it.
        callerMailEffect(mailPerUserPerHour),
        // Public replies to callers (ticket_events of kind reply); numbers are confirmed by then.
        replyMailEffect(mailPerUserPerHour),
        // Survey versions, surveys sent on resolution, on-site responses and their low-score follow-ups.
        surveyPushEffect({ publicUrl }),
        recordPublishedVersions,
        recordCiHistory,
        // A deleted CI's incoming edges and the places of the CIs in it, on the server's other CIs.
        removeReferencesToDeletedCis,
        recordDirectoryAudit,
        mailStakeholderUpdates(publicUrl, mailPerUserPerHour),
        mailApprovalRequests(publicUrl, mailPerUserPerHour),
        resyncWidenedAccess,
        // The SLA due table follows every committed ticket and event write (after numbers: subjects quote them).
        feedSlaFromPush,
      ],
      publicUrl,
      mailFrom: options.mailFrom ?? DEFAULT_MAIL_FROM,
      surveyPostsPerMinute: options.surveyPostsPerMinute ?? DEFAULT_SURVEY_POSTS_PER_MINUTE,
      streamRecheckMs: options.streamRecheckMs ?? 30_000,
    };
    await hub.start();
    await presence.start();
    if (options.smtpUrl) {
      outbox = new OutboxSender(db, smtpTransport(options.smtpUrl, ctx.mailFrom, { replyTo: options.inboundMailAddress }), {
        pollMs: options.mailPollMs,
        log: (message) => console.error(`[mail] ${message}`),
      });
      await outbox.start();
    } else if (logLevel !== 'silent') {
      console.warn('[mail] SMTP_URL is not set: e-mail is queued in mail_outbox and sent once it is.');
    }
    if (options.inboundSmtpPort !== undefined) {
      inbound = await startInboundSmtp(db, {
        port: options.inboundSmtpPort,
        host: options.inboundSmtpHost,
        log: logLevel === 'silent' ? undefined : (message) => console.error(`[inbound-mail] ${message}`),
      });
    }
    const slaSchedulerMs = options.slaSchedulerMs ?? DEFAULT_SLA_SCHEDULER_MS;
    if (slaSchedulerMs > 0) {
      slaTimer = new SlaSchedulerTimer(db, {
        intervalMs: slaSchedulerMs,
        log: (message) => console.error(`[sla] ${message}`),
      });
      slaTimer.start();
    }
    const app = await buildApp(ctx, {
      logLevel,
      staticDir: options.staticDir,
      consoleOrigins: options.consoleOrigins ?? DEFAULT_CONSOLE_ORIGINS,
    });
    app.addHook('onClose', async () => {
      await inbound?.close();
      await slaTimer?.stop();
      await outbox?.stop();
      await presence.stop();
      await hub.stop();
      await db.close();
    });
    try {
      await app.listen({ port: options.port ?? 0, host });
    } catch (error) {
      await app.close();
      throw error;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    let closing: Promise<void> | undefined;
    listeningUrl = `http://${publicHost(host)}:${port}`;
    return {
      url: listeningUrl,
      port,
      db,
      ...(inbound ? { inboundSmtpPort: inbound.port } : {}),
      close: () => (closing ??= app.close()),
    };
  } catch (error) {
    await inbound?.close().catch(() => undefined);
    await slaTimer?.stop().catch(() => undefined);
    await outbox?.stop().catch(() => undefined);
    await presence.stop().catch(() => undefined);
    await hub.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}
