import type { PlainDoc } from './types.js';

/** Fields RxDB adds locally that are never part of a document's replicated state. */
const LOCAL_META_FIELDS = ['_meta', '_rev', '_attachments'];

/** The replicated state of a document: its fields and `_deleted`, without RxDB's local bookkeeping. */
export function replicatedState(doc: object): PlainDoc {
  const out: PlainDoc = { ...(doc as PlainDoc) };
  for (const f of LOCAL_META_FIELDS) delete out[f];
  return out;
}

/** Keeps only the fields the schema knows (plus `_deleted`), so extra server fields never fail validation. */
export function pickSchemaFields(doc: PlainDoc, fields: readonly string[]): PlainDoc {
  const out: PlainDoc = { _deleted: doc._deleted === true };
  for (const f of fields) if (f in doc) out[f] = doc[f];
  return out;
}

/** A random v4 uuid: crypto.randomUUID where available (secure contexts), otherwise getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
