/** Test helper: a minimal ustar reader, to check what we write without relying on system tools. */
export function readTar(archive: Buffer): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (let offset = 0; offset + 512 <= archive.length;) {
    const block = archive.subarray(offset, offset + 512);
    if (block.every((byte) => byte === 0)) break;
    const name = block.subarray(0, 100).toString('ascii').replace(/\0.*$/s, '');
    const size = parseInt(block.subarray(124, 136).toString('ascii'), 8);
    const stored = parseInt(block.subarray(148, 156).toString('ascii'), 8);
    const sum = [...block].reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 32 : byte), 0);
    if (sum !== stored) throw new Error(`bad checksum for ${name}`);
    files.push({ name, text: archive.subarray(offset + 512, offset + 512 + size).toString('utf8') });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
