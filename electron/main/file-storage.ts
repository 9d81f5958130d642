import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface TextFile {
  /** The contents, or null when the file does not exist. */
  read(): Promise<string | null>;
  /** Writes to a sibling temp file then renames it over the target, so a crash never leaves half a file. */
  write(contents: string): Promise<void>;
}

export function textFile(path: string): TextFile {
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(contents) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, contents, { encoding: 'utf8', mode: 0o600 });
      await rename(temp, path);
    },
  };
}
