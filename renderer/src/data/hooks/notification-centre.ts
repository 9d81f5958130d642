import { map } from 'rxjs';
import type { NotificationEntry } from '../commands/notification-centre.js';
import { notificationCentreDocId } from '../commands/notification-centre.js';
import { useDb } from '../provider.js';
import { useObservable } from './use-observable.js';

const NONE: NotificationEntry[] = [];

/** The user's notification-centre entries on this device, as stored (newest first). */
export function useNotificationEntries(userId: string): NotificationEntry[] {
  const db = useDb();
  return useObservable(
    () =>
      db
        .getLocal$<{ entries: NotificationEntry[] }>(notificationCentreDocId(userId))
        // toJSON() types the data deeply read-only; the list only reads it.
        .pipe(map((doc) => (doc?.toJSON().data.entries ?? NONE) as NotificationEntry[])),
    [db, userId],
    NONE,
  );
}
