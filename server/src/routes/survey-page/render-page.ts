import { SURVEY_TEXT_MAX, pickLanguage, type AnswerProblem, type Language, type Survey, type SurveyQuestion } from '@shared';
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../services/surveys/survey-mail.js';
import { PAGE_TEXT } from './page-text.js';

/** The only style of the pages, inline and allowed by its hash in the CSP: no external asset at all. */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap}
h1{font-size:1.5rem;margin:.5rem 0}
a{color:#0b4f9c}
a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #0b4f9c;outline-offset:2px}
fieldset,.question{border:1px solid #b8bdc6;border-radius:.5rem;margin:0 0 1rem;padding:.75rem;background:#fff}
legend,.question-label{font-weight:600;padding:0 .25rem}
.hint{color:#4a4f57;font-size:.9rem;margin:.25rem 0}
.scale{display:flex;flex-wrap:wrap;gap:.5rem}
.scale label,.choice{display:flex;align-items:center;gap:.4rem;min-height:2.75rem;padding:.25rem .6rem;border:1px solid #b8bdc6;border-radius:.4rem;background:#fff}
.choices{display:grid;gap:.5rem}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:1px solid #6b717b;border-radius:.4rem}
button{font:inherit;font-weight:600;color:#fff;background:#0b4f9c;border:0;border-radius:.4rem;padding:.75rem 1.25rem;min-height:2.75rem;width:100%}
.error{color:#a4161a;font-weight:600}
.summary{border:2px solid #a4161a;background:#fff;border-radius:.5rem;padding:.75rem;margin-bottom:1rem}
.invalid{border-color:#a4161a;border-width:2px}
`;

/** The CSP: nothing may load, only the inline style above (by hash), forms post back here only. */
export const PAGE_CSP =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; ` +
  `form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

function layout(language: Language, title: string, body: string, switchHref: string | null): string {
  const other: Language = language === 'en' ? 'fr' : 'en';
  const text = PAGE_TEXT[language];
  const switchLink = switchHref
    ? `<a href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}">${text.otherLanguage}</a>`
    : '';
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><header><h1>${escapeHtml(title)}</h1>${switchLink}</header>${body}</main></body></html>`
  );
}

/** A page that only says something: thanks, already answered, expired, unknown link, errors. */
export function messagePage(language: Language, title: string, message: string, switchHref: string | null = null): string {
  return layout(language, title, `<p>${escapeHtml(message)}</p>`, switchHref);
}

/** What a person entered, by question id, to show the form again after a refusal. */
export type FormValues = ReadonlyMap<string, readonly string[]>;

const SCALES: Record<'csat' | 'nps' | 'ces', [number, number]> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

function questionBlock(q: SurveyQuestion, language: Language, values: FormValues, problem: AnswerProblem | undefined): string {
  const text = PAGE_TEXT[language];
  const name = escapeHtml(q.id);
  const label = escapeHtml(pickLanguage(q.label, language));
  const need = q.required ? text.required : text.optional;
  const given = values.get(q.id) ?? [];
  const errorId = `error-${name}`;
  const hintId = `hint-${name}`;
  const describedBy = [problem ? errorId : '', q.type === 'nps' || q.type === 'ces' || q.type === 'text' ? hintId : '']
    .filter(Boolean)
    .join(' ');
  const aria = describedBy ? ` aria-describedby="${describedBy}"` : '';
  const required = q.required ? ' required' : '';
  const error = problem ? `<p class="error" id="${errorId}">${escapeHtml(problem.message)}</p>` : '';
  const invalid = problem ? ' class="invalid"' : '';
  if (q.type === 'text') {
    const value = escapeHtml(given[0] ?? '');
    return (
      `<div id="q-${name}" class="question${problem ? ' invalid' : ''}"><label for="input-${name}" class="question-label">${label} ` +
      `<span class="hint">(${need})</span></label><p class="hint" id="${hintId}">${text.textHint(SURVEY_TEXT_MAX)}</p>${error}` +
      `<textarea id="input-${name}" name="${name}" maxlength="${SURVEY_TEXT_MAX}"${required}${aria}>${value}</textarea></div>`
    );
  }
  let options: { value: string; text: string }[];
  let hint = '';
  if (q.type === 'csat' || q.type === 'nps' || q.type === 'ces') {
    const [min, max] = SCALES[q.type];
    options = [];
    for (let v = min; v <= max; v++) {
      options.push({ value: String(v), text: q.type === 'csat' ? `${v} – ${text.scaleCsat[v - 1]}` : String(v) });
    }
    if (q.type !== 'csat') hint = `<p class="hint" id="${hintId}">${q.type === 'nps' ? text.npsHint : text.cesHint}</p>`;
  } else {
    options = q.options.map((o) => ({ value: o.id, text: pickLanguage(o.label, language) }));
  }
  const multiple = q.type === 'multiple';
  const inputType = multiple ? 'checkbox' : 'radio';
  const boxClass = q.type === 'single' || multiple ? 'choices' : 'scale';
  const items = options
    .map((o, i) => {
      const checked = given.includes(o.value) ? ' checked' : '';
      const id = `input-${name}-${i}`;
      return (
        `<label for="${id}"${boxClass === 'choices' ? ' class="choice"' : ''}><input type="${inputType}" id="${id}" name="${name}" ` +
        `value="${escapeHtml(o.value)}"${checked}${multiple ? '' : required}${aria}>${escapeHtml(o.text)}</label>`
      );
    })
    .join('');
  return (
    `<div id="q-${name}"><fieldset${invalid}><legend>${label} <span class="hint">(${need})</span></legend>` +
    `${hint}${error}<div class="${boxClass}">${items}</div></fieldset></div>`
  );
}

export interface FormPageInput {
  language: Language;
  survey: Survey;
  action: string;
  switchHref: string;
  ticketNumber: string | null;
  values?: FormValues;
  problems?: readonly AnswerProblem[];
}

/** The survey form: one fieldset per question, rating scales as radio groups, the problems on top and in place. */
export function formPage(input: FormPageInput): string {
  const { language, survey } = input;
  const text = PAGE_TEXT[language];
  const problems = input.problems ?? [];
  const values = input.values ?? new Map<string, string[]>();
  const problemOf = new Map(problems.map((p) => [p.questionId, p]));
  const summary = problems.length
    ? `<div class="summary" role="alert"><h2>${text.errorsTitle}</h2><ul>${problems
        .map((p) => `<li><a href="#q-${escapeHtml(p.questionId)}">${escapeHtml(p.message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const about = input.ticketNumber ? `<p class="hint">${text.ticket} ${escapeHtml(input.ticketNumber)}</p>` : '';
  const body =
    `${about}${summary}<form method="post" action="${escapeHtml(input.action)}" novalidate>` +
    `<input type="hidden" name="lang" value="${language}">` +
    survey.questions.map((q) => questionBlock(q, language, values, problemOf.get(q.id))).join('') +
    `<button type="submit">${text.submit}</button></form>`;
  return layout(language, pickLanguage(survey.title, language), body, input.switchHref);
}
