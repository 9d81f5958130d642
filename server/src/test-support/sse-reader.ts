/** A Server-Sent Events stream read with fetch (so the bearer header can be sent), for tests. */
export interface SseReader {
  status: number;
  /** The JSON error body when the stream was refused. */
  body: unknown;
  /** `data:` payloads received so far. */
  messages: string[];
  /** Raw text received so far (comments included). */
  raw(): string;
  /** Resolves when `count` messages equal to `data` have arrived; rejects after `timeoutMs`. */
  waitFor(data: string, count?: number, timeoutMs?: number): Promise<void>;
  close(): void;
  /** Resolves when the server ends the stream (or `close` aborts it). */
  ended: Promise<void>;
}

export async function openSse(url: string, token?: string): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: controller.signal });
  const messages: string[] = [];
  let text = '';
  let allText = '';
  let body: unknown;
  let waiters: (() => void)[] = [];
  let ended: Promise<void> = Promise.resolve();
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    ended = (async () => {
      try {
        for (;;) {
          // The Node typings of fetch streams leave chunks untyped: they are bytes.
          const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
          if (done) break;
          text += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = text.indexOf('\n\n')) >= 0) {
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            allText += `${block}\n\n`;
            for (const line of block.split('\n')) if (line.startsWith('data: ')) messages.push(line.slice(6));
          }
          const current = waiters;
          waiters = [];
          current.forEach((w) => w());
        }
      } catch {
        // aborted
      }
    })();
  }
  if (!response.ok) body = await response.json();
  return {
    status: response.status,
    body,
    messages,
    raw: () => allText,
    waitFor(data, count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${data}" x${count} within ${timeoutMs} ms (got ${JSON.stringify(messages)})`)),
          timeoutMs,
        );
        const check = (): void => {
          if (messages.filter((m) => m === data).length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => controller.abort(),
    ended,
  };
}
