import { z } from 'zod';
import {
  APP_ROUTE_PATTERN,
  DESK_EVENTS,
  IPC_CHANNELS,
  LOG_LEVELS,
  NOTIFY_BODY_MAX,
  NOTIFY_TITLE_MAX,
  PDF_FILE_NAME_PATTERN,
  SECRET_KEYS,
} from './channels.js';

export * from './channels.js';

const count = z.number().int().min(0).max(1_000_000_000);
/** Letters, digits, `_`, `-`, `.`: collection names; no prototype keys. */
const collectionName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/)
  .refine((name) => !['__proto__', 'constructor', 'prototype'].includes(name));

const notifyRequest = z.strictObject({
  title: z.string().trim().min(1).max(NOTIFY_TITLE_MAX),
  body: z.string().max(NOTIFY_BODY_MAX),
  route: z.string().max(64).regex(APP_ROUTE_PATTERN),
});

const deskCounts = z.strictObject({ pendingSync: count, unread: count, syncPaused: z.boolean().optional() });

/** Strict: a bundle can only ever carry these fields, so ticket contents cannot slip in. */
const diagnosticsInfo = z.strictObject({
  syncStatus: z.strictObject({
    pendingSync: count,
    unread: count.optional(),
    conflicts: count.optional(),
    online: z.boolean().optional(),
    paused: z.boolean().optional(),
    lastSyncAt: z.number().int().min(0).max(8_640_000_000_000_000).nullable(),
    lastError: z.string().max(2_000).nullable(),
  }),
  schemaVersions: z.record(collectionName, z.number().int().min(0).max(1_000_000)).refine((v) => Object.keys(v).length <= 64),
});

const printToPdfRequest = z.strictObject({ fileName: z.string().regex(PDF_FILE_NAME_PATTERN), landscape: z.boolean() });

/** Argument validators, by channel: the main process refuses anything that does not parse. */
export const IPC_ARGUMENTS = {
  [IPC_CHANNELS.appInfo]: z.tuple([]),
  [IPC_CHANNELS.secretGet]: z.tuple([z.enum(SECRET_KEYS)]),
  [IPC_CHANNELS.secretSet]: z.tuple([z.enum(SECRET_KEYS), z.string().max(64 * 1024)]),
  [IPC_CHANNELS.secretRemove]: z.tuple([z.enum(SECRET_KEYS)]),
  [IPC_CHANNELS.log]: z.tuple([z.enum(LOG_LEVELS), z.string().max(10_000)]),
  [IPC_CHANNELS.openExternal]: z.tuple([z.url({ protocol: /^https?$/ })]),
  [IPC_CHANNELS.eventsSubscribe]: z.tuple([z.enum(DESK_EVENTS)]),
  [IPC_CHANNELS.notify]: z.tuple([notifyRequest]),
  [IPC_CHANNELS.setCounts]: z.tuple([deskCounts]),
  [IPC_CHANNELS.exportDiagnostics]: z.tuple([diagnosticsInfo]),
  [IPC_CHANNELS.serverGetUrl]: z.tuple([]),
  // The main process validates the URL further (validateServerUrl) and explains refusals.
  [IPC_CHANNELS.serverSetUrl]: z.tuple([z.string().max(2048).nullable()]),
  [IPC_CHANNELS.serverCheck]: z.tuple([z.string().max(2048)]),
  [IPC_CHANNELS.clearLocalData]: z.tuple([]),
  [IPC_CHANNELS.printToPdf]: z.tuple([printToPdfRequest]),
} as const;
