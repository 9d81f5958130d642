/**
 * Saves `text` as a Markdown file through an `<a download>`: the browser (and Electron's download handler) asks
 * where to put it, with nothing sent anywhere.
 */
export function downloadMarkdown(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
