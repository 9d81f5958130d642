import { z } from 'zod';
import { IPC_CHANNELS, LOG_LEVELS, SECRET_KEYS } from './channels.js';

export * from './channels.js';

/** Argument validators, by channel: the main process refuses anything that does not parse. */
export const IPC_ARGUMENTS = {
  [IPC_CHANNELS.appInfo]: z.tuple([]),
  [IPC_CHANNELS.secretGet]: z.tuple([z.enum(SECRET_KEYS)]),
  [IPC_CHANNELS.secretSet]: z.tuple([z.enum(SECRET_KEYS), z.string().max(64 * 1024)]),
  [IPC_CHANNELS.secretRemove]: z.tuple([z.enum(SECRET_KEYS)]),
  [IPC_CHANNELS.log]: z.tuple([z.enum(LOG_LEVELS), z.string().max(10_000)]),
  [IPC_CHANNELS.openExternal]: z.tuple([z.url({ protocol: /^https?$/ })]),
} as const;
