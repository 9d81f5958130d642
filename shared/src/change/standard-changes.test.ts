import { describe, expect, it } from 'vitest';
import { buildChange } from '../testing/build-change.js';
import type { ChangeTemplate } from './change-settings.js';
import { standardTemplateViolations } from './standard-changes.js';

const template: ChangeTemplate = {
  id: 'tpl-disks',
  name: 'Rotate the backup disks',
  nameFr: 'Rotation des disques de sauvegarde',
  plan: { reason: 'Weekly rotation.', implementation: 'Swap the disks.', test: 'Backup runs.', backout: 'Swap them back.' },
  active: true,
};
const catalogue = new Map([[template.id, template]]);
const codes = (...args: Parameters<typeof standardTemplateViolations>) => standardTemplateViolations(...args).map((v) => v.code);

describe('standard changes', () => {
  const assessed = buildChange({
    changeType: 'standard',
    changePhase: 'assessment',
    changeTemplateId: template.id,
    changePlan: template.plan,
  });

  it('are scheduled without the CAB when they name an active template and keep its plan', () => {
    expect(codes({ ...assessed, changePhase: 'scheduled' }, assessed, catalogue)).toEqual([]);
  });

  it('cannot skip the CAB without a template from the catalogue, or with a retired one', () => {
    const untemplated = { ...assessed, changeTemplateId: undefined };
    expect(codes({ ...untemplated, changePhase: 'scheduled' }, untemplated, catalogue)).toEqual(['change_template_required']);
    expect(codes({ ...assessed, changePhase: 'implementing' }, assessed, new Map())).toEqual(['change_template_required']);
  });

  it("cannot change the template's plan and stay pre-approved, before or after scheduling", () => {
    const edited = {
      ...assessed,
      changePhase: 'scheduled' as const,
      changePlan: { ...template.plan, implementation: 'Also reformat the array.' },
    };
    expect(codes(edited, assessed, catalogue)).toEqual(['change_template_plan']);
    const scheduled = { ...assessed, changePhase: 'scheduled' as const };
    expect(codes({ ...scheduled, changePlan: edited.changePlan }, scheduled, catalogue)).toEqual(['change_template_plan']);
    // A scheduled standard change left as it was is not judged again (its template may have been retired since).
    expect(codes({ ...scheduled, title: 'Renamed' }, scheduled, new Map())).toEqual([]);
  });

  it('leaves normal changes and drafts to the CAB rules', () => {
    expect(codes({ ...assessed, changeType: 'normal', changePhase: 'scheduled' }, assessed, new Map())).toEqual([]);
    expect(codes({ ...assessed, changeTemplateId: undefined }, undefined, new Map())).toEqual([]);
  });
});
