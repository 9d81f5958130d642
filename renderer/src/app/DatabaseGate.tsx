import { Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataProvider, createDeskDatabase, eraseDeskDatabase, pausedSync, startReplication } from '../data/index.js';
import type { DataNetwork, DeskDatabase, MigrationProgress, SyncController } from '../data/index.js';
import { can } from '@shared';
import { browserConnectivity } from '../platform/connectivity.js';
import { getDesk } from '../platform/desk.js';
import { TokenManager } from '../session/token-manager.js';
import type { StoredSession } from '../session/session-store.js';
import { useSession } from './session-context.js';
import { SyncControlContext } from './sync-control.js';
import type { SyncControl } from './sync-control.js';

/** RxDB names: lowercase letters, digits, _ $ -, starting with a letter. One database per user and server. */
export function databaseNameFor(session: StoredSession): string {
  const raw = `${session.user.id}-${session.serverUrl}`.toLowerCase().replace(/[^a-z0-9_$-]+/g, '-');
  return `desk-${raw}`.slice(0, 100);
}

const ERASE_TIMEOUT_MS = 20_000;

/** The open database, its current replication (or the paused stand-in), and a queue so pause/resume/erase never overlap. */
interface Runtime {
  db: DeskDatabase;
  tokens: TokenManager;
  sync: SyncController;
  queue: Promise<unknown>;
  gone: boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Opens the signed-in user's local database, starts replication, and provides both to the app, with SyncControl
 * (pause, resume, erase). Nothing here waits for the server: a start without network shows the local data at once.
 */
export function DatabaseGate({ session, children }: { session: StoredSession; children: ReactNode }) {
  const { t } = useTranslation();
  const { persist, signOut, endDeactivated, reload } = useSession();
  const [opened, setOpened] = useState<{ db: DeskDatabase; sync: SyncController } | null>(null);
  const [network, setNetwork] = useState<DataNetwork | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [migration, setMigration] = useState<MigrationProgress | null>(null);
  const runtime = useRef<Runtime | null>(null);
  const dbName = databaseNameFor(session);

  const startSync = useCallback(
    (db: DeskDatabase, tokens: TokenManager) =>
      startReplication(db, {
        serverUrl: session.serverUrl,
        getAccessToken: tokens.getAccessToken,
        onAuthError: tokens.onAuthError,
        connectivity: browserConnectivity(),
        // The supervisors' console updates live when a survey response arrives: one more stream for them.
        streamCollections: can(session.user, 'surveyResponses.watchLive')
          ? ['tickets', 'ticket_events', 'survey_responses']
          : undefined,
      }),
    [session.serverUrl, session.user],
  );

  useEffect(() => {
    let cancelled = false;
    // A deactivated account leaves nothing it could see on the device: stop syncing, erase, then sign out.
    const eraseOpened = async (): Promise<void> => {
      const current = runtime.current;
      if (!current) return;
      current.gone = true;
      await current.sync.cancel();
      await withTimeout(eraseDeskDatabase(current.db), ERASE_TIMEOUT_MS, 'The local database is still in use');
    };
    const ended = (reason: 'expired' | 'deactivated') =>
      void (reason === 'deactivated' ? endDeactivated(eraseOpened) : signOut(true));
    const tokens = new TokenManager(session, persist, ended, reload);
    createDeskDatabase({ name: dbName, onMigrationProgress: (progress) => !cancelled && setMigration(progress) })
      .then((db) => {
        performance.mark('desk:db-open');
        if (cancelled) return void db.close();
        const sync = startSync(db, tokens);
        runtime.current = { db, tokens, sync, queue: Promise.resolve(), gone: false };
        setNetwork({
          serverUrl: session.serverUrl,
          fetchImpl: (input, init) => fetch(input, init),
          getAccessToken: tokens.getAccessToken,
          onAuthError: tokens.onAuthError,
          connectivity: browserConnectivity(),
        });
        setOpened({ db, sync });
      })
      .catch((err: unknown) => {
        void getDesk().log('error', `Local database failed to open: ${String(err)}`);
        if (!cancelled) setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
      const current = runtime.current;
      runtime.current = null;
      if (current) void enqueue(current, () => close(current));
    };
    // Reopen only for another user or server; token refreshes must not restart replication.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbName]);

  const control = useMemo<SyncControl>(
    () => ({
      pause: () =>
        withRuntime(runtime.current, async (r) => {
          if (r.sync.getStatus().paused) return;
          const running = r.sync;
          const carried = { pending: running.pendingDocs(), lastSyncAt: running.getStatus().lastSyncAt };
          await running.cancel();
          r.sync = pausedSync(r.db, carried);
          setOpened({ db: r.db, sync: r.sync });
        }),
      resume: () =>
        withRuntime(runtime.current, async (r) => {
          if (!r.sync.getStatus().paused) return;
          await r.sync.cancel();
          r.sync = startSync(r.db, r.tokens);
          setOpened({ db: r.db, sync: r.sync });
        }),
      eraseLocalDatabase: () =>
        withRuntime(runtime.current, async (r) => {
          r.gone = true;
          await r.sync.cancel();
          await withTimeout(eraseDeskDatabase(r.db), ERASE_TIMEOUT_MS, 'The local database is still in use (another window?)');
        }),
    }),
    [startSync],
  );

  if (failure) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text c="red">{t('app.dbError')}</Text>
          <Text size="sm">{failure}</Text>
        </Stack>
      </Center>
    );
  }
  if (!opened) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Loader aria-label={t('app.opening')} />
          {migration && migration.total > 0 && (
            <Text size="sm" role="status">
              {t('app.upgrading', { handled: migration.handled, total: migration.total })}
            </Text>
          )}
        </Stack>
      </Center>
    );
  }
  return (
    <SyncControlContext.Provider value={control}>
      <DataProvider db={opened.db} sync={opened.sync} network={network}>
        {children}
      </DataProvider>
    </SyncControlContext.Provider>
  );
}

/** Runs `task` after whatever the runtime is doing; a no-op once the database is closed or erased. */
function enqueue(r: Runtime, task: () => Promise<void>): Promise<void> {
  const next = r.queue.then(task, task);
  r.queue = next.catch(() => undefined);
  return next;
}

function withRuntime(r: Runtime | null, task: (r: Runtime) => Promise<void>): Promise<void> {
  if (!r) return Promise.resolve();
  return enqueue(r, () => (r.gone ? Promise.resolve() : task(r)));
}

async function close(r: Runtime) {
  if (r.gone) return;
  r.gone = true;
  await r.sync.cancel();
  await r.db.close();
}
