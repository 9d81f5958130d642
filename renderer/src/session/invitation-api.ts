import { INVITATION_HOLDER_PATH, SET_PASSWORD_PATH, type ApiErrorBody } from '@shared';

/** What the server answered about an invitation link: usable (with its person's name), refused with a code, dead, or unreachable. */
export type InvitationAnswer =
  | { status: 'ok'; name?: string }
  | { status: 'refused'; code?: string; message: string }
  | { status: 'dead'; message: string }
  | { status: 'network'; message: string };

async function post(serverUrl: string, path: string, body: unknown): Promise<InvitationAnswer> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (err) {
    return { status: 'network', message: err instanceof Error ? err.message : String(err) };
  }
  const data = (await res.json().catch(() => null)) as (ApiErrorBody & { name?: string }) | null;
  if (res.ok) return { status: 'ok', ...(data?.name ? { name: data.name } : {}) };
  const message = data?.message ?? `HTTP ${res.status}`;
  if (res.status === 410) return { status: 'dead', message };
  return { status: 'refused', message, ...(data?.details?.[0]?.code ? { code: data.details[0].code } : {}) };
}

/** Who an invitation link is for, without using it up. */
export const invitationHolder = (serverUrl: string, token: string): Promise<InvitationAnswer> =>
  post(serverUrl, INVITATION_HOLDER_PATH, { token });

/** Sets the password of the link's person; the link works once. */
export const setPasswordWithLink = (serverUrl: string, token: string, password: string): Promise<InvitationAnswer> =>
  post(serverUrl, SET_PASSWORD_PATH, { token, password });
