const PREFIX = /^\(\d+\)\s+/;

/** `(3) Service Desk` for 3 items needing the user, the bare title for none. Idempotent: an old prefix is replaced. */
export function titleWithCount(title: string, count: number): string {
  const base = title.replace(PREFIX, '');
  return count > 0 ? `(${count}) ${base}` : base;
}
