/**
 * Taking the device back from the customer after on-site feedback: the signed-in technician types their password.
 * Online the server judges it (the sign-in endpoint, whose extra session is revoked at once); offline, or when the
 * server cannot answer, a salted PBKDF2 verifier kept on this device does. The password itself is never stored.
 */
import { AuthError, login, logout } from '../../session/auth-api.js';

/** What the device keeps to recognise the technician's password offline. */
export interface PasswordVerifier {
  version: 1;
  userId: string;
  /** Base64 of 16 random bytes. */
  salt: string;
  iterations: number;
  /** Base64 of PBKDF2-HMAC-SHA-256(password, salt, iterations), 32 bytes. */
  hash: string;
  /**
   * False when it was taken offline and the server has not yet confirmed it is the account's password; a
   * successful online check replaces it with a confirmed one.
   */
  confirmed: boolean;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256: slow enough to make guessing a stolen verifier costly. */
export const VERIFIER_ITERATIONS = 600_000;
/** Anything weaker found in storage was not written by us (or was downgraded): refused rather than trusted. */
export const MIN_VERIFIER_ITERATIONS = 100_000;
/** Wrong passwords before the technician is signed out, so a customer cannot keep guessing. */
export const MAX_HANDBACK_FAILURES = 5;

const VERIFIER_PREFIX = 'handback-verifier:';
const LOCK_KEY = 'handback-lock';

/** The part of localStorage this module uses, so tests can hand in a map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Compares without stopping at the first difference, so timing says nothing about how close a guess was. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function createVerifier(
  userId: string,
  password: string,
  options: { confirmed: boolean; iterations?: number },
): Promise<PasswordVerifier> {
  const iterations = options.iterations ?? VERIFIER_ITERATIONS;
  if (iterations < MIN_VERIFIER_ITERATIONS) throw new Error(`At least ${MIN_VERIFIER_ITERATIONS} PBKDF2 iterations.`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return { version: 1, userId, salt: toBase64(salt), iterations, hash: toBase64(hash), confirmed: options.confirmed };
}

export async function matchesVerifier(verifier: PasswordVerifier, password: string): Promise<boolean> {
  if (verifier.iterations < MIN_VERIFIER_ITERATIONS) return false;
  const hash = await derive(password, fromBase64(verifier.salt), verifier.iterations);
  return sameBytes(hash, fromBase64(verifier.hash));
}

function parseVerifier(raw: string | null, userId: string): PasswordVerifier | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<PasswordVerifier> | null;
    const valid =
      !!v &&
      v.version === 1 &&
      v.userId === userId &&
      typeof v.salt === 'string' &&
      typeof v.hash === 'string' &&
      typeof v.iterations === 'number' &&
      v.iterations >= MIN_VERIFIER_ITERATIONS &&
      typeof v.confirmed === 'boolean';
    return valid ? (v as PasswordVerifier) : null;
  } catch {
    return null;
  }
}

export function loadVerifier(store: KeyValueStore, userId: string): PasswordVerifier | null {
  return parseVerifier(store.getItem(VERIFIER_PREFIX + userId), userId);
}

export function saveVerifier(store: KeyValueStore, verifier: PasswordVerifier): void {
  store.setItem(VERIFIER_PREFIX + verifier.userId, JSON.stringify(verifier));
}

export function removeVerifier(store: KeyValueStore, userId: string): void {
  store.removeItem(VERIFIER_PREFIX + userId);
}

/**
 * The device is in the customer's hands: kept in storage so that reloading the page neither unlocks it nor resets
 * the count of wrong passwords.
 */
export interface HandbackLock {
  userId: string;
  ticketId: string;
  failures: number;
}

export function loadLock(store: KeyValueStore, userId: string): HandbackLock | null {
  try {
    const raw = store.getItem(LOCK_KEY);
    const lock = raw ? (JSON.parse(raw) as Partial<HandbackLock> | null) : null;
    if (!lock || lock.userId !== userId || typeof lock.ticketId !== 'string') return null;
    return { userId, ticketId: lock.ticketId, failures: Number.isInteger(lock.failures) ? Number(lock.failures) : 0 };
  } catch {
    return null;
  }
}

export function saveLock(store: KeyValueStore, lock: HandbackLock): void {
  store.setItem(LOCK_KEY, JSON.stringify(lock));
}

export function clearLock(store: KeyValueStore): void {
  store.removeItem(LOCK_KEY);
}

/** The server's answer to a password: right, wrong, or no answer (offline, throttled, failing). */
export type ServerVerdict = 'ok' | 'wrong' | 'unreachable';

/** How long the server has to judge a password before the verifier does: a hanging network must not hold the device. */
export const SERVER_CHECK_TIMEOUT_MS = 8000;

/**
 * Asks the server through the sign-in endpoint (rate-limited and throttled per address like any sign-in). The
 * session it opens is revoked at once, even when it answers after the timeout: the check must not leave a second
 * refresh token behind.
 */
export function serverCheck(
  serverUrl: string,
  email: string,
  timeoutMs = SERVER_CHECK_TIMEOUT_MS,
): (password: string) => Promise<ServerVerdict> {
  return (password) => {
    const answer = login(serverUrl, email, password).then(
      async (session): Promise<ServerVerdict> => {
        await logout(serverUrl, session.refreshToken);
        return 'ok';
      },
      // 400/401/403 are the credentials; a throttled (429) or failing server cannot judge, so the verifier does.
      (err: unknown): ServerVerdict => (err instanceof AuthError && err.kind === 'credentials' ? 'wrong' : 'unreachable'),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<ServerVerdict>((resolve) => {
      timer = setTimeout(() => resolve('unreachable'), timeoutMs);
    });
    return Promise.race([answer, late]).finally(() => clearTimeout(timer));
  };
}

export type HandbackResult =
  /** The technician: give the device back. */
  | { kind: 'ok' }
  /** Wrong password; `left` more tries before sign-out (0: sign out now). */
  | { kind: 'wrong'; left: number }
  /** Neither the server nor a verifier can judge: the device stays locked. */
  | { kind: 'unavailable' };

/**
 * Judges one hand-back attempt and keeps the store up to date: the server when it answers (a right password
 * refreshes the verifier, so a password changed elsewhere is learnt), else the verifier. Failures are counted in the
 * lock, so reloading does not reset them.
 */
export async function checkHandback(input: {
  store: KeyValueStore;
  userId: string;
  ticketId: string;
  password: string;
  askServer: (password: string) => Promise<ServerVerdict>;
  iterations?: number;
}): Promise<HandbackResult> {
  const { store, userId, password } = input;
  const verdict = password ? await input.askServer(password) : 'wrong';
  let ok: boolean;
  if (verdict === 'unreachable') {
    const verifier = loadVerifier(store, userId);
    if (!verifier) return { kind: 'unavailable' };
    ok = await matchesVerifier(verifier, password);
  } else {
    ok = verdict === 'ok';
  }
  if (ok) {
    if (verdict === 'ok') {
      saveVerifier(store, await createVerifier(userId, password, { confirmed: true, iterations: input.iterations }));
    }
    clearLock(store);
    return { kind: 'ok' };
  }
  const failures = (loadLock(store, userId)?.failures ?? 0) + 1;
  saveLock(store, { userId, ticketId: input.ticketId, failures });
  return { kind: 'wrong', left: Math.max(0, MAX_HANDBACK_FAILURES - failures) };
}

/**
 * Before handing the device over: makes sure a verifier exists, so the hand-back can be checked offline. Online the
 * server must accept the password; offline it is taken as typed (the technician is signed in and holding the
 * device) and marked unconfirmed until the server next accepts it.
 */
export async function prepareHandover(input: {
  store: KeyValueStore;
  userId: string;
  password: string;
  askServer: (password: string) => Promise<ServerVerdict>;
  iterations?: number;
}): Promise<'ok' | 'wrong'> {
  if (!input.password) return 'wrong';
  const verdict = await input.askServer(input.password);
  if (verdict === 'wrong') return 'wrong';
  const verifier = await createVerifier(input.userId, input.password, {
    confirmed: verdict === 'ok',
    iterations: input.iterations,
  });
  saveVerifier(input.store, verifier);
  return 'ok';
}

/** After too many wrong passwords: nothing that could help a guesser, nor the lock, stays on the device. */
export function forgetHandback(store: KeyValueStore, userId: string): void {
  removeVerifier(store, userId);
  clearLock(store);
}
