import type { DeskApi } from '@shared/ipc/channels.js';

export type PrintOutcome = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'browser' };

/** The PDF's suggested file name, e.g. service-desk-report-2026-01-31.pdf. */
export function reportPdfName(date: Date): string {
  return `service-desk-report-${date.toISOString().slice(0, 10)}.pdf`;
}

/**
 * Prints the report with the print stylesheet: to a PDF file through the desktop shell (printToPDF and a save
 * dialog), or with the browser's print dialog (which can also save as PDF) in the web build.
 */
export async function printReport(desk: DeskApi, now = new Date()): Promise<PrintOutcome> {
  if (desk.printToPDF) {
    const result = await desk.printToPDF({ fileName: reportPdfName(now), landscape: true });
    return result.saved ? { kind: 'saved', path: result.path } : { kind: 'cancelled' };
  }
  window.print();
  return { kind: 'browser' };
}
