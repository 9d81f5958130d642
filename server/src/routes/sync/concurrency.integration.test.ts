import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../seed/index.js';
import type { ApiClient } from '../../test-support/api-client.js';
import { testBackends, variantTitle } from '../../test-support/backends.js';
import { makeArticle } from '../../test-support/fixtures.js';
import { useTestServers } from '../../test-support/test-server.js';

const backends = await testBackends();
const PUSHERS = 4;
const BATCHES = 15;
const BATCH_SIZE = 5;

describe.each(backends)('$name', (backend) => {
  // PostgreSQL: two instances share the database. PGlite is single-process: the pushers share one instance.
  const instances = backend.name === 'postgres' ? 2 : 1;
  describe.skipIf(!backend.available)(
    variantTitle(`concurrent pushers on ${instances} instance(s) and a checkpoint puller`, backend),
    () => {
      const env = useTestServers(backend, { instances });

      it('never lets a puller miss a row', async () => {
        const { apis } = env();
        const token = (await apis[0].login(DEMO_USERS.supervisor.email)).accessToken;
        const written = new Map<string, number>();
        let pushing = true;

        const pusher = async (api: ApiClient, p: number): Promise<void> => {
          for (let b = 0; b < BATCHES; b++) {
            const docs = Array.from({ length: BATCH_SIZE }, (_, i) => makeArticle({ id: `kb-p${p}-b${b}-${i}`, version: 1 }));
            const response = await api.push(
              token,
              'kb_articles',
              docs.map((newDocumentState) => ({ newDocumentState })),
            );
            expect(response.status).toBe(200);
            expect(response.body).toEqual([]);
            docs.forEach((doc) => written.set(doc.id, 1));
            // Some updates too, so rows get new sequence numbers while the puller reads.
            if (b % 3 === 0) {
              const first = docs[0];
              const updated = await api.push(token, 'kb_articles', [
                { assumedMasterState: first, newDocumentState: { ...first, version: 2 } },
              ]);
              expect(updated.body).toEqual([]);
              written.set(first.id, 2);
            }
          }
        };

        const seen = new Map<string, number>();
        let checkpoint: number | null = null;
        let lastSeq = 0;
        const pullOnce = async (api: ApiClient): Promise<number> => {
          const response = await api.pull(token, 'kb_articles', checkpoint, 7);
          expect(response.status).toBe(200);
          for (const doc of response.body.documents) seen.set(doc.id, doc.version as number);
          if (response.body.checkpoint) {
            expect(response.body.checkpoint.seq).toBeGreaterThanOrEqual(lastSeq);
            lastSeq = response.body.checkpoint.seq;
            checkpoint = lastSeq;
          }
          return response.body.documents.length;
        };
        const puller = async (): Promise<void> => {
          let i = 0;
          while (pushing) await pullOnce(apis[i++ % apis.length]);
        };

        const pulling = puller();
        await Promise.all(Array.from({ length: PUSHERS }, (_, p) => pusher(apis[p % apis.length], p)));
        pushing = false;
        await pulling;
        while ((await pullOnce(apis[0])) > 0);

        expect(written.size).toBe(PUSHERS * BATCHES * BATCH_SIZE);
        expect(seen).toEqual(written);
      });
    },
  );
});
