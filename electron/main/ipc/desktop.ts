import type {
  DeskCounts,
  DiagnosticsInfo,
  ExportDiagnosticsResult,
  NotifyRequest,
  PrintToPdfRequest,
  PrintToPdfResult,
} from '@shared/ipc/contract.js';
import type { EventOutbox } from '../events/outbox.js';
import type { IpcHandlers } from './channels.js';

export interface DesktopServices {
  outbox: Pick<EventOutbox, 'subscribe'>;
  notify(request: NotifyRequest): void;
  setCounts(counts: DeskCounts): void;
  exportDiagnostics(info: DiagnosticsInfo): Promise<ExportDiagnosticsResult>;
  printToPdf(request: PrintToPdfRequest): Promise<PrintToPdfResult>;
  /** Logout with wipe: forget the stored session, then clear the renderer's storage (IndexedDB included). */
  removeSession(): Promise<void>;
  clearStorage(): Promise<void>;
}

type DesktopChannels =
  'events:subscribe' | 'notification:show' | 'tray:set-counts' | 'diagnostics:export' | 'data:clear-local' | 'report:print-pdf';

export function createDesktopHandlers(services: DesktopServices): Pick<IpcHandlers, DesktopChannels> {
  return {
    'events:subscribe': (event) => services.outbox.subscribe(event),
    'notification:show': (request) => services.notify(request),
    'tray:set-counts': (counts) => services.setCounts(counts),
    'diagnostics:export': (info) => services.exportDiagnostics(info),
    'report:print-pdf': (request) => services.printToPdf(request),
    'data:clear-local': async () => {
      await services.removeSession();
      await services.clearStorage();
    },
  };
}
