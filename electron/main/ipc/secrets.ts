import { z } from 'zod';
import type { SecretKey } from '@shared/ipc/contract.js';
import type { IpcHandlers } from './channels.js';

/** What the store needs from Electron's safeStorage and the file system (injected, so tests need neither). */
export interface SecretStoreDeps {
  isAvailable(): boolean;
  encrypt(plainText: string): Uint8Array;
  decrypt(blob: Uint8Array): string;
  /** The file's contents, or null when it does not exist yet. */
  readFile(): Promise<string | null>;
  /** Replaces the file's contents (atomically in the real implementation). */
  writeFile(contents: string): Promise<void>;
  onError?(message: string): void;
}

export interface SecretStore {
  get(key: SecretKey): Promise<string | null>;
  set(key: SecretKey, value: string): Promise<void>;
  remove(key: SecretKey): Promise<void>;
}

export class SecretStorageUnavailableError extends Error {
  override readonly name = 'SecretStorageUnavailableError';
  constructor() {
    super('OS secret storage is not available: the secret was not saved');
  }
}

/** On disk: only encrypted blobs, base64, by key. Never plaintext. */
const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) });
type SecretFile = z.infer<typeof fileSchema>;

export function createSecretStore(deps: SecretStoreDeps): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  /** Serialises read-modify-write cycles so concurrent calls cannot lose each other's updates. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = async (): Promise<SecretFile> => {
    const text = await deps.readFile();
    if (text === null) return { version: 1, entries: {} };
    try {
      return fileSchema.parse(JSON.parse(text));
    } catch {
      deps.onError?.('Secret file is unreadable; starting from an empty store');
      return { version: 1, entries: {} };
    }
  };
  const save = (file: SecretFile) => deps.writeFile(JSON.stringify(file));

  return {
    get: (key) =>
      serial(async () => {
        const blob = (await load()).entries[key];
        if (blob === undefined || !deps.isAvailable()) return null;
        try {
          return deps.decrypt(Buffer.from(blob, 'base64'));
        } catch {
          deps.onError?.(`Secret "${key}" could not be decrypted; treating it as absent`);
          return null;
        }
      }),
    set: (key, value) =>
      serial(async () => {
        if (!deps.isAvailable()) throw new SecretStorageUnavailableError();
        const file = await load();
        file.entries[key] = Buffer.from(deps.encrypt(value)).toString('base64');
        await save(file);
      }),
    remove: (key) =>
      serial(async () => {
        const file = await load();
        if (!(key in file.entries)) return;
        delete file.entries[key];
        await save(file);
      }),
  };
}

export function createSecretHandlers(store: SecretStore): Pick<IpcHandlers, 'secret:get' | 'secret:set' | 'secret:remove'> {
  return {
    'secret:get': (key) => store.get(key),
    'secret:set': (key, value) => store.set(key, value),
    'secret:remove': (key) => store.remove(key),
  };
}
