import type { Database } from './db/database.js';
import type { SseRegistry } from './http/sse.js';
import type { AccessTokens } from './services/auth/access-tokens.js';
import type { AuthService } from './services/auth/auth-service.js';
import type { ChangeHub } from './services/sync/change-hub.js';

/** What the routes need: built once per server by `startServer`. */
export interface AppContext {
  db: Database;
  tokens: AccessTokens;
  auth: AuthService;
  hub: ChangeHub;
  streams: SseRegistry;
  version: string;
}
