import { LANGUAGES, type Language } from '@shared';
import '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { ApiError } from '../../http/api-error.js';
import { toErrorResponse } from '../../http/error-format.js';
import { openSurveyLink, submitSurveyAnswers, type FormFields, type LinkState } from '../../services/surveys/public-response.js';
import { PAGE_TEXT } from './page-text.js';
import { PAGE_CSP, formPage, messagePage } from './render-page.js';

/** A survey form is a few kilobytes even with every text answer full. */
const FORM_BODY_LIMIT_BYTES = 64 * 1024;

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return (
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      // The token is in the URL: never hand it to another site, never keep the page in a shared cache.
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(html)
  );
}

/** The language asked for in the query (the language switch), else `fallback` (the form's, the invitation's). */
function languageOf(request: FastifyRequest, fallback: Language): Language {
  return requestedLanguage(request) ?? fallback;
}

function requestedLanguage(request: FastifyRequest): Language | null {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return isLanguage(query.lang) ? query.lang : null;
}

const switchHref = (token: string, language: Language): string => `/survey/${token}?lang=${language === 'en' ? 'fr' : 'en'}`;

function statePage(
  reply: FastifyReply,
  state: Exclude<LinkState, { kind: 'open' }>,
  language: Language,
  token: string,
): FastifyReply {
  const text = PAGE_TEXT[language];
  const other = switchHref(token, language);
  if (state.kind === 'used') return sendPage(reply, 409, messagePage(language, text.usedTitle, text.usedBody, other));
  if (state.kind === 'expired') return sendPage(reply, 410, messagePage(language, text.expiredTitle, text.expiredBody, other));
  return sendPage(reply, 404, messagePage(language, text.unknownTitle, text.unknownBody));
}

/** Parses an urlencoded body into every value of every field. */
function parseForm(body: string): FormFields {
  const fields = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(body)) fields.set(key, [...(fields.get(key) ?? []), value]);
  return fields;
}

/**
 * The public survey page the e-mailed link opens: no sign-in, server-rendered, bilingual, no script nor external
 * asset. GET shows the form (or why it cannot be answered); POST records the answers once.
 */
export async function registerSurveyPageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Fastify plugins are async functions; this one only registers routes synchronously.
  // eslint-disable-next-line @typescript-eslint/require-await
  await app.register(async (pages) => {
    pages.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, parseForm(String(body))),
    );

    // Errors on these routes (rate limit, body too large, wrong content type) are pages too, not JSON.
    pages.setErrorHandler((error, request, reply) => {
      const response = toErrorResponse(error);
      if (response.internal) request.log.error({ err: error }, 'survey page failed');
      const language = languageOf(request, 'en');
      const text = PAGE_TEXT[language];
      if (response.statusCode === 429) {
        const wait = error instanceof ApiError ? error.retryAfterSeconds : undefined;
        if (wait !== undefined) void reply.header('retry-after', String(wait));
        return sendPage(reply, 429, messagePage(language, text.tooManyTitle, text.tooManyBody));
      }
      if (response.statusCode === 503) void reply.header('retry-after', '2');
      const body =
        response.statusCode >= 500 ? text.errorBody : response.statusCode === 413 ? text.tooLargeBody : response.body.message;
      return sendPage(reply, response.statusCode, messagePage(language, text.errorTitle, body));
    });

    const notFoundPage = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
      statePage(reply, { kind: 'unknown' }, languageOf(request, 'en'), '');
    // So the web console's SPA fallback never answers a mistyped survey link with the console.
    pages.get('/survey', notFoundPage);
    pages.get('/survey/*', notFoundPage);

    pages.get<{ Params: { token: string } }>('/survey/:token', async (request, reply) => {
      const { token } = request.params;
      const state = await openSurveyLink(ctx.db, token);
      const language = languageOf(request, state.kind === 'unknown' ? 'en' : state.invitation.language);
      if (state.kind !== 'open') return statePage(reply, state, language, token);
      return sendPage(
        reply,
        200,
        formPage({
          language,
          survey: state.survey,
          action: `/survey/${token}`,
          switchHref: switchHref(token, language),
          ticketNumber: state.ticketNumber,
        }),
      );
    });

    pages.post<{ Params: { token: string } }>(
      '/survey/:token',
      {
        config: {
          rateLimit: {
            max: ctx.surveyPostsPerMinute,
            timeWindow: 60_000,
            errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
              new ApiError(
                429,
                'Too many survey submissions from your address.',
                undefined,
                Math.max(1, Math.ceil(context.ttl / 1000)),
              ),
          },
        },
      },
      async (request, reply) => {
        const { token } = request.params;
        if (!(request.body instanceof Map)) {
          throw new ApiError(415, 'Send the survey form as application/x-www-form-urlencoded, as the page does.');
        }
        const fields = request.body as FormFields;
        const formLanguage = fields.get('lang')?.[0];
        const requested = requestedLanguage(request) ?? (isLanguage(formLanguage) ? formLanguage : null);
        const outcome = await submitSurveyAnswers(ctx.db, token, fields, requested, { consoleUrl: ctx.publicUrl() });
        const language = requested ?? (outcome.kind === 'unknown' ? 'en' : outcome.invitation.language);
        const text = PAGE_TEXT[language];
        if (outcome.kind === 'recorded') return sendPage(reply, 200, messagePage(language, text.thanksTitle, text.thanksBody));
        if (outcome.kind !== 'invalid') return statePage(reply, outcome, language, token);
        return sendPage(
          reply,
          422,
          formPage({
            language,
            survey: outcome.survey,
            action: `/survey/${token}`,
            switchHref: switchHref(token, language),
            ticketNumber: outcome.ticketNumber,
            values: fields,
            problems: outcome.problems,
          }),
        );
      },
    );
  });
}
