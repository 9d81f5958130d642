import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBackends, variantTitle } from '../test-support/backends.js';
import { useTestServers } from '../test-support/test-server.js';

const backends = (await testBackends()).filter((b) => b.name === 'pglite');

describe.each(backends)('$name', (backend) => {
  describe.skipIf(!backend.available)(variantTitle('the console is served with strict security headers', backend), () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'sd-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Service Desk</title><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
    afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
    const env = useTestServers(backend, { server: { staticDir } });

    const get = (path: string) => fetch(`${env().api.baseUrl}${path}`);

    it.each(['/', '/tickets/INC0001001', '/assets/app.js', '/api/health'])(
      '%s forbids inline script, framing and sniffing',
      async (path) => {
        const response = await get(path);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBeTruthy();
      },
    );

    it('keeps the public survey page on its own stricter policy', async () => {
      const response = await get('/survey/not-a-real-token');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    });
  });
});
