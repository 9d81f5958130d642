import { IPC_CHANNEL_LIST, type IpcChannel, type IpcHandlers } from './channels.js';
import { IpcRejectedError, validateIpcArgs } from './validate.js';

/** The part of an `IpcMainInvokeEvent` the guard needs. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of `ipcMain` the registry needs (structurally satisfied by Electron's ipcMain). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface RegisterOptions {
  /** True when the URL belongs to the app's own pages (see security/app-location.ts). */
  isTrustedUrl(url: string): boolean;
  /** Called for every refused call, before the rejection reaches the renderer. */
  onRejected?(channel: IpcChannel, reason: string): void;
}

/**
 * Registers one `ipcMain.handle` per contract channel. Each call must come from an app frame and carry
 * arguments that parse with the shared zod tuple; otherwise the invoke promise rejects.
 */
export function registerIpcHandlers(ipc: IpcMainLike, handlers: IpcHandlers, options: RegisterOptions): void {
  for (const channel of IPC_CHANNEL_LIST) bind(ipc, channel, handlers[channel], options);
}

function bind<C extends IpcChannel>(ipc: IpcMainLike, channel: C, handler: IpcHandlers[C], options: RegisterOptions): void {
  ipc.handle(channel, async (event, ...args) => {
    try {
      const url = event.senderFrame?.url;
      if (url === undefined || !options.isTrustedUrl(url)) throw new IpcRejectedError(`Untrusted sender for ${channel}`);
      const parsed = validateIpcArgs(channel, args);
      return await handler(...parsed);
    } catch (error) {
      if (error instanceof IpcRejectedError) options.onRejected?.(channel, error.message);
      throw error;
    }
  });
}
