/** Values the SQL layer passes as query parameters. Objects go through JSON.stringify with a `::jsonb` cast. */
export type SqlParam = string | number | boolean | null;

/** Something that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Transaction = Queryable;

export type DatabaseKind = 'postgres' | 'pglite';

/** Called when the notification connection was re-established: notifications may have been missed. */
export type ReconnectHandler = () => void;

/**
 * The small surface the server needs from PostgreSQL, implemented for a pg Pool and for PGlite.
 * Everything else (SQL text) lives in `db/queries/`.
 */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * For statements that never write (pulls, health): on PostgreSQL a pool of its own, so reads never wait for a
   * connection behind pushes queued on the sequence lock (issue 16). PGlite has one connection: the database itself.
   */
  readonly reads: Queryable;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** LISTENs on a channel; resolves to a function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: ReconnectHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
