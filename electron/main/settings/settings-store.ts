import { z } from 'zod';

/** userData/settings.json: non-secret preferences of this installation. Unknown keys are dropped. */
const settingsSchema = z.object({
  version: z.literal(1),
  serverUrl: z.string().max(2048).optional(),
  lastUpdateCheckAt: z.number().int().min(0).optional(),
});
export type Settings = Omit<z.infer<typeof settingsSchema>, 'version'>;

export interface SettingsStoreDeps {
  /** The file's contents, or null when it does not exist yet. */
  readFile(): Promise<string | null>;
  writeFile(contents: string): Promise<void>;
  onError?(message: string): void;
}

export interface SettingsStore {
  read(): Promise<Settings>;
  /** Applies the patch (an `undefined` value removes the key) and returns the new settings. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

export function createSettingsStore(deps: SettingsStoreDeps): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();
  /** Serialises read-modify-write cycles so concurrent updates cannot lose each other. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const load = async (): Promise<Settings> => {
    const text = await deps.readFile();
    if (text === null) return {};
    try {
      const { version: _version, ...settings } = settingsSchema.parse(JSON.parse(text));
      return settings;
    } catch {
      deps.onError?.('settings.json is unreadable; using defaults');
      return {};
    }
  };
  return {
    read: () => serial(load),
    update: (patch) =>
      serial(async () => {
        const next: Settings = { ...(await load()), ...patch };
        for (const key of Object.keys(next) as (keyof Settings)[]) if (next[key] === undefined) delete next[key];
        await deps.writeFile(`${JSON.stringify({ version: 1, ...next }, null, 2)}\n`);
        return next;
      }),
  };
}
