import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { authenticate } from '../../http/authenticate.js';
import { recordArticleView } from '../../services/kb/article-views.js';

/**
 * POST /api/kb/articles/:id/views: the reader opened the article (counted once a day per person); answers the
 * article's view count. Clients send it when online and drop it when offline (see ARCHITECTURE.md).
 */
export function registerKbRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/kb/articles/:id/views', async (request) => {
    const actor = await authenticate(request, ctx);
    const articleId = (request.params as { id?: string }).id ?? '';
    return { views: await recordArticleView(ctx.db, actor, articleId, Date.now()) };
  });
}
