import { describe, expect, it } from 'vitest';
import { buildConfigItem } from './build-config-item.js';
import type { ConfigItem } from './ci-model.js';
import { addRelation, removeRelation, validateCi } from './ci-validation.js';

const codes = (ci: ConfigItem): string[] => validateCi(ci).map((v) => `${v.code}@${v.attribute}`);

describe('validateCi', () => {
  it('accepts a well-formed CI of each kind used by the demo', () => {
    expect(validateCi(buildConfigItem())).toEqual([]);
    expect(
      validateCi(
        buildConfigItem({
          ciClass: 'server_physical',
          attributes: { serialNumber: 'SN-1', cpuCores: 16, ipAddress: '10.0.0.1' },
        }),
      ),
    ).toEqual([]);
    expect(validateCi(buildConfigItem({ ciClass: 'contract', attributes: { vendor: 'Acme', endDate: '2027-03-31' } }))).toEqual(
      [],
    );
  });

  it('names the attribute that is missing, of the wrong type or not of the class', () => {
    const ci = buildConfigItem({
      ciClass: 'server_physical',
      attributes: { cpuCores: 'many', colour: 'red' },
    });
    expect(codes(ci)).toEqual([
      'ci_attribute_required@attributes.serialNumber',
      'ci_attribute_type@attributes.cpuCores',
      'ci_attribute_unknown@attributes.colour',
    ]);
    expect(validateCi(ci)[0].message).toContain('serialNumber');
  });

  it('refuses an empty or huge name, an unknown class, status, criticality, enum value or a bad date', () => {
    expect(codes(buildConfigItem({ name: '   ' }))).toEqual(['ci_name_required@name']);
    expect(codes(buildConfigItem({ name: 'x'.repeat(201) }))).toEqual(['ci_name_too_long@name']);
    expect(codes(buildConfigItem({ ciClass: 'spaceship' as ConfigItem['ciClass'] }))).toEqual(['ci_class_unknown@ciClass']);
    expect(codes(buildConfigItem({ status: 'on_fire' as ConfigItem['status'] }))).toEqual(['ci_status_unknown@status']);
    expect(codes(buildConfigItem({ criticality: 'meh' as ConfigItem['criticality'] }))).toEqual([
      'ci_criticality_unknown@criticality',
    ]);
    expect(
      codes(buildConfigItem({ ciClass: 'network_device', attributes: { deviceType: '<script>alert(1)</script>' } })),
    ).toEqual(['ci_attribute_not_allowed_value@attributes.deviceType']);
    expect(codes(buildConfigItem({ ciClass: 'contract', attributes: { vendor: 'A', endDate: '2027-13-45' } }))).toEqual([
      'ci_attribute_type@attributes.endDate',
    ]);
  });

  it('refuses duplicate edges, self-loops and used-by edges that point at a CI', () => {
    const ci = buildConfigItem({
      id: 'app',
      relations: [
        { type: 'runs_on', targetKind: 'ci', targetId: 'srv' },
        { type: 'runs_on', targetKind: 'ci', targetId: 'srv' },
        { type: 'depends_on', targetKind: 'ci', targetId: 'app' },
        { type: 'used_by', targetKind: 'ci', targetId: 'srv' },
        { type: 'depends_on', targetKind: 'group', targetId: 'grp' },
      ],
    });
    expect(codes(ci)).toEqual([
      'ci_relation_duplicate@relations[1]',
      'ci_relation_self@relations[2]',
      'ci_relation_target_kind@relations[3]',
      'ci_relation_target_kind@relations[4]',
    ]);
  });
});

describe('addRelation', () => {
  it('adds a new edge and refuses the same edge twice, leaving the CI unchanged', () => {
    const ci = buildConfigItem({ id: 'app' });
    const first = addRelation(ci, { type: 'runs_on', targetKind: 'ci', targetId: 'srv' });
    if (!('ci' in first)) throw new Error('first edge refused');
    expect(first.ci.relations).toHaveLength(1);
    const again = addRelation(first.ci, { type: 'runs_on', targetKind: 'ci', targetId: 'srv' });
    expect('violations' in again && again.violations.map((v) => v.code)).toEqual(['ci_relation_duplicate']);
    expect(first.ci.relations).toHaveLength(1);
    // A different type between the same two CIs is another relationship.
    const other = addRelation(first.ci, { type: 'depends_on', targetKind: 'ci', targetId: 'srv' });
    expect('ci' in other && other.ci.relations).toHaveLength(2);
  });
});

describe('removeRelation', () => {
  it('removes only the edge of that type to that target, leaving the CI it was given unchanged', () => {
    const ci = buildConfigItem({
      id: 'app',
      relations: [
        { type: 'runs_on', targetKind: 'ci', targetId: 'srv' },
        { type: 'depends_on', targetKind: 'ci', targetId: 'srv' },
      ],
    });
    const after = removeRelation(ci, { type: 'runs_on', targetKind: 'ci', targetId: 'srv' });
    expect(after.relations).toEqual([{ type: 'depends_on', targetKind: 'ci', targetId: 'srv' }]);
    expect(ci.relations).toHaveLength(2);
    expect(removeRelation(after, { type: 'runs_on', targetKind: 'ci', targetId: 'srv' }).relations).toEqual(after.relations);
  });
});
