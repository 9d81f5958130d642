import type { ChangeTemplate } from '@shared';

/** A new, active template with an empty plan. */
export function newTemplate(id: string): ChangeTemplate {
  return { id, name: '', nameFr: '', plan: { reason: '', implementation: '', test: '', backout: '' }, active: true };
}

/** The template the form describes, names trimmed (the shared check decides if it is valid). */
export function templateFromForm(form: ChangeTemplate): ChangeTemplate {
  return { ...form, name: form.name.trim(), nameFr: form.nameFr.trim(), plan: { ...form.plan } };
}

/** Templates for the list: active first, then by name in the UI language. */
export function templatesInOrder(templates: readonly ChangeTemplate[], lang: string): ChangeTemplate[] {
  const name = (tpl: ChangeTemplate) => (lang === 'fr' ? tpl.nameFr : tpl.name);
  return [...templates].sort((a, b) => Number(b.active) - Number(a.active) || name(a).localeCompare(name(b), lang));
}
