import type { PrintToPdfRequest, PrintToPdfResult } from '@shared/ipc/contract.js';

export interface PrintPdfDeps {
  /** The save dialog: the chosen path, or null when cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** Prints the window's page (print stylesheet applied) to PDF bytes. */
  print(options: { landscape: boolean; printBackground: boolean }): Promise<Buffer>;
  writeFile(path: string, data: Buffer): Promise<void>;
}

/** The path with a .pdf extension (a save dialog may return a name without one). */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`;
}

/** Asks where to save first (nothing is rendered when cancelled), then prints and writes the PDF. */
export async function printToPdf(request: PrintToPdfRequest, deps: PrintPdfDeps): Promise<PrintToPdfResult> {
  const chosen = await deps.chooseSavePath(request.fileName);
  if (!chosen) return { saved: false };
  const path = withPdfExtension(chosen);
  const pdf = await deps.print({ landscape: request.landscape, printBackground: true });
  await deps.writeFile(path, pdf);
  return { saved: true, path };
}
