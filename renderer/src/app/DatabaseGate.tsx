import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataProvider, createDeskDatabase, startReplication } from '../data/index.js';
import type { DeskDatabase, SyncController } from '../data/index.js';
import { browserConnectivity } from '../platform/connectivity.js';
import { getDesk } from '../platform/desk.js';
import { TokenManager } from '../session/token-manager.js';
import type { StoredSession } from '../session/session-store.js';
import { useSession } from './session-context.js';

/** RxDB names: lowercase letters, digits, _ $ -, starting with a letter. One database per user and server. */
export function databaseNameFor(session: StoredSession): string {
  const raw = `${session.user.id}-${session.serverUrl}`.toLowerCase().replace(/[^a-z0-9_$-]+/g, '-');
  return `desk-${raw}`.slice(0, 100);
}

/** Opens the signed-in user's local database, starts replication, and provides both to the app. */
export function DatabaseGate({ session, children }: { session: StoredSession; children: ReactNode }) {
  const { t } = useTranslation();
  const { persist, signOut } = useSession();
  const [opened, setOpened] = useState<{ db: DeskDatabase; sync: SyncController } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dbName = databaseNameFor(session);

  useEffect(() => {
    let cancelled = false;
    let current: { db: DeskDatabase; sync: SyncController } | null = null;
    const tokens = new TokenManager(session, persist, () => void signOut(true));
    createDeskDatabase({ name: dbName })
      .then((db) => {
        const sync = startReplication(db, {
          serverUrl: session.serverUrl,
          getAccessToken: tokens.getAccessToken,
          onAuthError: tokens.onAuthError,
          connectivity: browserConnectivity(),
        });
        current = { db, sync };
        if (cancelled) void close(current);
        else setOpened(current);
      })
      .catch((err: unknown) => {
        void getDesk().log('error', `Local database failed to open: ${String(err)}`);
        if (!cancelled) setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
      if (current) void close(current);
    };
    // Reopen only for another user or server; token refreshes must not restart replication.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbName]);

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
        <Loader aria-label={t('app.opening')} />
      </Center>
    );
  }
  return (
    <DataProvider db={opened.db} sync={opened.sync}>
      {children}
    </DataProvider>
  );
}

async function close({ db, sync }: { db: DeskDatabase; sync: SyncController }) {
  await sync.cancel();
  await db.close();
}
