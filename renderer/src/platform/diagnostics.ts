import type { DeskApi, DiagnosticsInfo } from '@shared/ipc/channels.js';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/** The sync status a diagnostics bundle carries: counts, flags and the last error, never document contents. */
export interface DiagnosticsSyncSource {
  pendingPush: number;
  online: boolean;
  paused: boolean;
  lastSyncAt: number | null;
  error: string | null;
}

const MAX_ERROR = 2_000;

/** What the renderer adds to a diagnostics bundle; without a status (signed out) only the defaults. */
export function diagnosticsInfo(
  status: DiagnosticsSyncSource | null,
  conflicts: number,
  schemaVersions: Record<string, number>,
): DiagnosticsInfo {
  return {
    syncStatus: {
      pendingSync: status?.pendingPush ?? 0,
      conflicts,
      online: status?.online ?? false,
      paused: status?.paused ?? false,
      lastSyncAt: status?.lastSyncAt ?? null,
      lastError: status?.error ? status.error.slice(0, MAX_ERROR) : null,
    },
    schemaVersions,
  };
}

/** desk.exportDiagnostics with feedback: a notification says where the bundle went, that it was cancelled, or why it failed. */
export async function exportDiagnosticsWithFeedback(desk: DeskApi, info: DiagnosticsInfo, t: TFunction): Promise<void> {
  const id = notifications.show({ loading: true, message: t('diagnostics.exporting'), autoClose: false, withCloseButton: false });
  try {
    const result = await desk.exportDiagnostics(info);
    notifications.update({
      id,
      loading: false,
      autoClose: 8_000,
      withCloseButton: true,
      color: result.saved ? 'green' : 'gray',
      title: result.saved ? t('diagnostics.savedTitle') : undefined,
      message: result.saved ? t('diagnostics.saved', { path: result.path }) : t('diagnostics.cancelled'),
      'data-testid': 'diagnostics-result',
    });
  } catch (err) {
    notifications.update({
      id,
      loading: false,
      autoClose: 12_000,
      withCloseButton: true,
      color: 'red',
      title: t('diagnostics.failedTitle'),
      message: t('diagnostics.failed', { message: err instanceof Error ? err.message : String(err) }),
      'data-testid': 'diagnostics-result',
    });
  }
}
