import type { ServerCheckResult } from '@shared/ipc/channels.js';
import type { TFunction } from 'i18next';

/** Headline and advice for a server check, in the UI language; `detail` is the technical reason, shown small. */
export function checkMessage(result: ServerCheckResult, t: TFunction): { title: string; body: string; detail?: string } {
  switch (result.status) {
    case 'ok':
      return { title: t('server.result.okTitle'), body: t('server.result.ok', { version: result.version }) };
    case 'invalid-url':
      return { title: t('server.result.invalidUrlTitle'), body: t('server.result.invalidUrl'), detail: result.reason };
    case 'https-required':
      return { title: t('server.result.httpsRequiredTitle'), body: t('server.result.httpsRequired'), detail: result.reason };
    case 'unreachable':
      return { title: t('server.result.unreachableTitle'), body: t('server.result.unreachable'), detail: result.reason };
    case 'invalid-certificate':
      return { title: t('server.result.certificateTitle'), body: t('server.result.certificate'), detail: result.code };
    case 'incompatible':
      return {
        title: t('server.result.incompatibleTitle'),
        body:
          result.serverProtocolVersion > result.clientProtocolVersion
            ? t('server.result.incompatibleNewer', { version: result.version })
            : t('server.result.incompatibleOlder', { version: result.version }),
        detail: `protocol ${result.serverProtocolVersion} ≠ ${result.clientProtocolVersion}`,
      };
    case 'not-service-desk':
      return { title: t('server.result.notDeskTitle'), body: t('server.result.notDesk'), detail: result.reason };
  }
}

/** An error from the desktop shell without Electron's "Error invoking remote method '…': Error: " wrapping. */
export function cleanErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^[A-Za-z]*Error:\s*/, '');
}
