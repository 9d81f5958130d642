import { describe, expect, it, vi } from 'vitest';
import { printToPdf, withPdfExtension, type PrintPdfDeps } from './print-pdf.js';

function deps(chosen: string | null): PrintPdfDeps & { written: [string, Buffer][] } {
  const written: [string, Buffer][] = [];
  return {
    written,
    chooseSavePath: vi.fn(() => Promise.resolve(chosen)),
    print: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7'))),
    writeFile: vi.fn((path: string, data: Buffer) => Promise.resolve(void written.push([path, data]))),
  };
}

describe('printToPdf', () => {
  it('asks where to save with the suggested name, prints in the requested orientation and writes the file', async () => {
    const d = deps('/home/sophie/report');
    const result = await printToPdf({ fileName: 'service-desk-report-2026-01-31.pdf', landscape: true }, d);
    expect(d.chooseSavePath).toHaveBeenCalledWith('service-desk-report-2026-01-31.pdf');
    expect(d.print).toHaveBeenCalledWith({ landscape: true, printBackground: true });
    expect(result).toEqual({ saved: true, path: '/home/sophie/report.pdf' });
    expect(d.written.map(([p, b]) => [p, b.toString()])).toEqual([['/home/sophie/report.pdf', '%PDF-1.7']]);
  });

  it('prints nothing and writes nothing when the dialog is cancelled', async () => {
    const d = deps(null);
    expect(await printToPdf({ fileName: 'r.pdf', landscape: false }, d)).toEqual({ saved: false });
    expect(d.print).not.toHaveBeenCalled();
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('keeps an existing .pdf extension', () => {
    expect(withPdfExtension('C:\\Reports\\Q1.PDF')).toBe('C:\\Reports\\Q1.PDF');
  });
});
