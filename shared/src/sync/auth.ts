import type { Role } from '../schemas/directory.js';

/** What the client knows of the signed-in person. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  groupIds: string[];
  locale: 'en' | 'fr';
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Long-lived, single-use token for POST /api/auth/refresh; rotated on every use. */
  refreshToken: string;
  user: SessionUser;
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  protocolVersion: number;
  database: { kind: 'postgres' | 'pglite'; version: string };
}
