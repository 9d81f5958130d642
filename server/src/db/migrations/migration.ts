/** One numbered schema change, plain SQL that runs identically on PostgreSQL and PGlite. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
