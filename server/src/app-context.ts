import type { Database } from './db/database.js';
import type { SseRegistry } from './http/sse.js';
import type { AccessTokens } from './services/auth/access-tokens.js';
import type { AuthService } from './services/auth/auth-service.js';
import type { LoginThrottle } from './services/auth/login-throttle.js';
import type { PresenceHub } from './services/presence/presence-hub.js';
import type { ChangeHub } from './services/sync/change-hub.js';
import type { PushEffect } from './services/sync/push-effects.js';

/** What the routes need: built once per server by `startServer`. */
export interface AppContext {
  db: Database;
  tokens: AccessTokens;
  auth: AuthService;
  hub: ChangeHub;
  streams: SseRegistry;
  /** Who has which ticket open (memory only, shared between instances). */
  presence: PresenceHub;
  version: string;
  /** Failed sign-ins per client address and e-mail address. */
  loginThrottle: LoginThrottle;
  /** Requests per client address per minute on the sign-in and refresh routes. */
  authRequestsPerMinute: number;
  /** Run inside every push transaction after its writes (e-mail to queue, derived documents). */
  pushEffects: PushEffect[];
  /** The address people reach this server at, for links in e-mail (PUBLIC_URL, else the listening URL). */
  publicUrl: () => string;
  /** The From: of outgoing e-mail. */
  mailFrom: string;
  /** Answers posted to the public survey page per client address per minute (then 429). */
  surveyPostsPerMinute: number;
  /** How often, at most, an open sync stream checks again that its caller's token holds (ms). */
  streamRecheckMs: number;
}
