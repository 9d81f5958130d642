const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A provisional human-readable number for a ticket created on this device: `NEW-` + 6 base-32 chars of its id. */
export function provisionalNumber(id: string): string {
  const hex = id
    .replace(/[^0-9a-f]/gi, '')
    .slice(-8)
    .padStart(8, '0');
  let n = parseInt(hex, 16);
  let out = '';
  for (let i = 0; i < 6; i++) {
    out = BASE32[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return `NEW-${out}`;
}

/** Whether a number is still a device's provisional one, awaiting the server's confirmed number. */
export function isProvisionalNumber(number: string): boolean {
  return number.startsWith('NEW-');
}

/** Whether a text is a whole provisional number as a device hands it out (any case), e.g. `NEW-K3ZQ7A`. */
export function looksLikeProvisionalNumber(text: string): boolean {
  return /^NEW-[A-Z2-7]{6}$/i.test(text);
}
