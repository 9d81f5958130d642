import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CI_RELATION_TYPES, ORGANISATION_NAME_MAX, organisationId, organisationsInUse } from '@shared';
import type { CiRelation, CiRelationType, ConfigItem } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { addCiRelation, removeCiRelation, useDb, useDirectory } from '../../data/index.js';
import type { CiEditViolation } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { CiPicker } from './CiPicker.js';
import { useCiLabels } from './ci-labels.js';
import { useCmdbLookupOf } from './use-cmdb.js';

export interface CiRelationsPanelProps {
  ci: ConfigItem;
  /** Every CI of this device (the CI page's), searched for a target. */
  items: ConfigItem[];
  byId: ReadonlyMap<string, ConfigItem>;
  nameOf: (id: string) => string | undefined;
  /** May the user relink this CI (the shared policy's `relations` field: configuration managers and admins)? */
  canRelink: boolean;
}

/**
 * `used_by` points at a user or group of the directory or at an organisation (named on the edge, as the CSV import
 * writes it); every other type at a CI (shared `checkRelation`).
 */
const PARTY_TYPE: CiRelationType = 'used_by';

/** The party choice that asks for an organisation's name. */
const NEW_ORGANISATION = 'org:';

/** The key of an edge as a React key and test id (the shared duplicate rule compares the same three parts). */
const keyOf = (r: CiRelation) => `${r.type}:${r.targetKind}:${r.targetId}`;

/**
 * The CI's outgoing relationships (read `this CI <type> target`), each removable, and a form adding one: a type,
 * then a CI chosen with the CMDB search (or, for "used by", a user, a group or an organisation). The data commands ask the shared
 * policy and rules (duplicate, self, target kind), so refusals arrive as coded violations translated here.
 */
export function CiRelationsPanel({ ci, items, byId, nameOf, canRelink }: CiRelationsPanelProps) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const labels = useCiLabels();
  const lang = useLanguage();
  const directory = useDirectory();
  const cmdb = useCmdbLookupOf(items, false, byId);
  const [type, setType] = useState<CiRelationType>('depends_on');
  const [ciTarget, setCiTarget] = useState('');
  const [partyTarget, setPartyTarget] = useState('');
  const [newOrganisation, setNewOrganisation] = useState('');
  const [violations, setViolations] = useState<CiEditViolation[]>([]);
  const [busy, setBusy] = useState(false);

  const parties = useMemo(
    () => [
      {
        group: t('cmdb.partyKind.group'),
        items: directory.groups.map((g) => ({ value: `group:${g.id}`, label: (lang === 'fr' && g.nameFr) || g.name })),
      },
      { group: t('cmdb.partyKind.user'), items: directory.users.map((u) => ({ value: `user:${u.id}`, label: u.name })) },
      {
        group: t('cmdb.partyKind.org'),
        items: [
          // The organisations other CIs are used by, then a new one by name.
          ...organisationsInUse(items).map((name) => ({ value: `org:${name}`, label: name })),
          { value: NEW_ORGANISATION, label: t('cmdb.relationships.newOrganisation') },
        ],
      },
    ],
    [directory.groups, directory.users, items, lang, t],
  );

  const wantsParty = type === PARTY_TYPE;
  const target = ((): CiRelation | null => {
    if (!wantsParty) return ciTarget ? { type, targetKind: 'ci', targetId: ciTarget } : null;
    if (partyTarget === NEW_ORGANISATION) {
      const name = organisationId(newOrganisation);
      return name ? { type, targetKind: 'org', targetId: name } : null;
    }
    const [kind, ...rest] = partyTarget.split(':');
    const id = rest.join(':');
    return (kind === 'user' || kind === 'group' || kind === 'org') && id ? { type, targetKind: kind, targetId: id } : null;
  })();

  const run = async (write: () => Promise<CiEditViolation[]>, done: string) => {
    setBusy(true);
    try {
      const refused = await write();
      setViolations(refused);
      if (refused.length === 0) {
        notifications.show({ color: 'green', message: done });
        return true;
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    if (!target) return;
    const added = await run(() => addCiRelation(db, ci.id, target, user), t('cmdb.relationships.added'));
    if (added) {
      setCiTarget('');
      setPartyTarget('');
      setNewOrganisation('');
    }
  };

  // Literal keys, so the missing-translation test sees each one.
  const partyKind = { user: t('cmdb.partyKind.user'), group: t('cmdb.partyKind.group'), org: t('cmdb.partyKind.org') };
  const targetName = (r: CiRelation) => (r.targetKind === 'ci' ? byId.get(r.targetId)?.name : nameOf(r.targetId)) ?? r.targetId;

  return (
    <Stack gap="xs" data-testid="ci-relations">
      <Title order={3}>{t('cmdb.relationships.title')}</Title>
      {ci.relations.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="ci-relations-empty">
          {t('cmdb.relationships.empty')}
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cmdb.relationships.type')}</Table.Th>
              <Table.Th>{t('cmdb.relationships.target')}</Table.Th>
              {canRelink && (
                <Table.Th>
                  <VisuallyHidden>{t('cmdb.relationships.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ci.relations.map((r) => (
              <Table.Tr
                key={keyOf(r)}
                data-testid="ci-relation"
                data-type={r.type}
                data-target-kind={r.targetKind}
                data-target-id={r.targetId}
              >
                <Table.Td>{labels.link[r.type]}</Table.Td>
                <Table.Td>
                  {r.targetKind === 'ci' ? (
                    <Anchor component={Link} to={`/cmdb/${encodeURIComponent(r.targetId)}`}>
                      {targetName(r)}
                    </Anchor>
                  ) : (
                    <Text size="sm">
                      {targetName(r)}{' '}
                      <Text span size="xs" c="dimmed">
                        ({partyKind[r.targetKind]})
                      </Text>
                    </Text>
                  )}
                </Table.Td>
                {canRelink && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      disabled={busy}
                      aria-label={t('cmdb.relationships.removeOne', { type: labels.link[r.type], target: targetName(r) })}
                      onClick={() => void run(() => removeCiRelation(db, ci.id, r, user), t('cmdb.relationships.removed'))}
                      data-testid="ci-relation-remove"
                    >
                      {t('cmdb.relationships.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canRelink && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('cmdb.relationships.type')}
              value={type}
              onChange={(e) => {
                setType(e.currentTarget.value as CiRelationType);
                setViolations([]);
              }}
              data={CI_RELATION_TYPES.map((value) => ({ value, label: labels.link[value] }))}
              data-testid="ci-relation-type"
            />
            {wantsParty ? (
              <NativeSelect
                label={t('cmdb.relationships.party')}
                value={partyTarget}
                onChange={(e) => {
                  setPartyTarget(e.currentTarget.value);
                  setViolations([]);
                }}
                data={[{ value: '', label: t('cmdb.none') }, ...parties]}
                data-testid="ci-relation-party"
                w={320}
              />
            ) : (
              <CiPicker
                cmdb={cmdb}
                value={ciTarget ? [ciTarget] : []}
                // One target per edge: the latest choice replaces the previous one.
                onChange={(ids) => {
                  setCiTarget(ids.at(-1) ?? '');
                  setViolations([]);
                }}
                label={t('cmdb.relationships.target')}
                placeholder={t('cmdb.relationships.targetPlaceholder')}
                testId="ci-relation-target"
                w={320}
              />
            )}
            {wantsParty && partyTarget === NEW_ORGANISATION && (
              <TextInput
                label={t('cmdb.relationships.organisationName')}
                value={newOrganisation}
                maxLength={ORGANISATION_NAME_MAX}
                onChange={(e) => {
                  setNewOrganisation(e.currentTarget.value);
                  setViolations([]);
                }}
                data-testid="ci-relation-organisation"
                w={320}
              />
            )}
            <Button type="submit" disabled={!target} loading={busy} data-testid="ci-relation-add">
              {t('cmdb.relationships.add')}
            </Button>
          </Group>
        </form>
      )}
      {violations.length > 0 && (
        <Alert color="red" data-testid="ci-relation-violations">
          {violations.map((v) => (
            <Text key={`${v.code}-${v.attribute}`} size="sm">
              {labels.violation(v)}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
