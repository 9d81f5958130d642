import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, sent as is (may contain bytes a URL parser would refuse). */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A bare HTTP/1.1 client over one keep-alive agent, for fuzzing: it sends exactly the bytes it is given (no
 * URL normalisation, any method, header and content type) and reads SSE responses only up to their headers.
 */
export class RawHttp {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });

  constructor(private readonly baseUrl: string) {}

  send(req: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
    const url = new URL(this.baseUrl);
    return new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
      const headers: Record<string, string | number> = { ...req.headers };
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
        headers['content-length'] = body.length;
      }
      const r = request(
        {
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.path,
          headers,
          agent: this.agent,
          timeout: timeoutMs,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
            // A live stream stays open: its status and headers are the answer.
            res.destroy();
            resolve({ status, headers: res.headers, text: '' });
            return;
          }
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 200)}`)));
      r.on('error', reject);
      if (body !== undefined) r.write(body);
      r.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
