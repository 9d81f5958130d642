import { IPC_ARGUMENTS } from '@shared/ipc/contract.js';
import { isIpcChannel, type IpcArgs, type IpcChannel } from './channels.js';

/** Thrown (and so rejected to the renderer) when a call does not match the shared contract. */
export class IpcRejectedError extends Error {
  override readonly name = 'IpcRejectedError';
}

/**
 * Parses `args` with the channel's zod tuple from the shared contract. Anything else (unknown channel,
 * wrong arity, wrong types, oversized strings) throws without echoing the offending values.
 */
export function validateIpcArgs<C extends IpcChannel>(channel: C, args: unknown): IpcArgs<C> {
  if (!isIpcChannel(channel)) throw new IpcRejectedError('Unknown IPC channel');
  const result = IPC_ARGUMENTS[channel].safeParse(args);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join('.') || '(arguments)');
    throw new IpcRejectedError(`Invalid arguments for ${channel}: ${[...new Set(fields)].join(', ')}`);
  }
  // The schema looked up by `channel` is the one IpcArgs<C> is inferred from; TS cannot correlate the union.
  return result.data as IpcArgs<C>;
}
