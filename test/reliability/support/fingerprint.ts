import type { Queryable } from '../../../server/src/db/database.js';

/**
 * A digest of everything the server stores (documents with their sequence numbers and tombstones, the sequence
 * counter, credentials, refresh tokens, settings): equal digests mean nothing was written.
 */
export async function fingerprint(db: Queryable): Promise<string> {
  const rows = await db.query<{ digest: string }>(`
    SELECT concat_ws('|',
      (SELECT value::text FROM sync_counter WHERE id = 1),
      (SELECT md5(coalesce(string_agg(collection || '/' || id || '/' || seq::text || '/' || deleted::text || '/' || data::text, ',' ORDER BY collection, id), ''))
         FROM sync_documents),
      (SELECT md5(coalesce(string_agg(user_id || password_hash, ',' ORDER BY user_id), '')) FROM credentials),
      (SELECT md5(coalesce(string_agg(token_hash || coalesce(used_at::text, '-'), ',' ORDER BY token_hash), '')) FROM refresh_tokens),
      (SELECT md5(coalesce(string_agg(key || value, ',' ORDER BY key), '')) FROM server_settings)
    ) AS digest`);
  return rows[0].digest;
}
