import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The files of a diagnostics .tar.gz (ustar, regular files only), or null while it is missing or incomplete. */
export function readBundle(path: string): Map<string, string> | null {
  let archive: Buffer;
  try {
    archive = gunzipSync(readFileSync(path));
  } catch {
    return null;
  }
  const files = new Map<string, string>();
  for (let offset = 0; offset + 512 <= archive.length;) {
    const block = archive.subarray(offset, offset + 512);
    if (block.every((byte) => byte === 0)) return files;
    const name = block.subarray(0, 100).toString('ascii').replace(/\0.*$/s, '');
    const size = parseInt(block.subarray(124, 136).toString('ascii'), 8);
    files.set(name, archive.subarray(offset + 512, offset + 512 + size).toString('utf8'));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return null;
}
