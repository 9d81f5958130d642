import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, isLocation } from '@shared';
import type { CiClass } from '@shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { createConfigItem, useConfigItems, useDb, useDirectory } from '../../data/index.js';
import type { CiEditViolation } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { CiFactsForm } from './CiFactsForm.js';
import { attributeSpecs, blankDraft, CI_FORM_FIELDS, newCiOf, withClass } from './ci-form.js';
import type { CiDraft } from './ci-form.js';
import { useCiLabels } from './ci-labels.js';
import { CiViolationsAlert } from './CiViolationsAlert.js';

/** The class a new CI starts as: the one most often added by hand (the rest come from imports). */
const DEFAULT_CLASS: CiClass = 'application';

/**
 * Creates a configuration item (configuration managers and administrators, by the shared `ci.manage`): class, key
 * facts and the class's attributes with the CI page's form, written on this device by `createConfigItem` (the
 * shared validation, as the server and CSV import run it), then opens the new CI, where its relationships are added.
 */
export function NewCiPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!can(user, 'ci.manage'))
    return (
      <Stack>
        <Text data-testid="ci-new-forbidden">{t('cmdb.violation.ci_manage_forbidden')}</Text>
        <Anchor component={Link} to="/cmdb">
          {t('cmdb.back')}
        </Anchor>
      </Stack>
    );
  return <NewCiForm />;
}

function NewCiForm() {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const labels = useCiLabels();
  const lang = useLanguage();
  const directory = useDirectory();
  const { items } = useConfigItems();
  const [ciClass, setCiClass] = useState<CiClass>(DEFAULT_CLASS);
  // Owned by the creator's first group until chosen otherwise: an owner is what technicians' access follows.
  const [draft, setDraft] = useState<CiDraft>(() => blankDraft(DEFAULT_CLASS, user.groupIds[0] ?? ''));
  const [violations, setViolations] = useState<CiEditViolation[]>([]);
  const [saving, setSaving] = useState(false);

  const locations = useMemo(
    () =>
      items
        .filter((c) => isLocation(c))
        .map((c) => ({ value: c.id, label: c.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [items],
  );
  const groups = useMemo(
    () => directory.groups.map((g) => ({ value: g.id, label: (lang === 'fr' && g.nameFr) || g.name })),
    [directory.groups, lang],
  );
  // Someone in no group (an admin) gets the first group once the directory has loaded, never an owner-less CI by default.
  const firstGroup = groups[0]?.value ?? '';
  useEffect(() => {
    if (firstGroup) setDraft((current) => (current.ownerGroupId ? current : { ...current, ownerGroupId: firstGroup }));
  }, [firstGroup]);
  const fields = useMemo(
    () => new Set<string>([...CI_FORM_FIELDS, ...attributeSpecs({ ciClass }).map(([key]) => `attributes.${key}`)]),
    [ciClass],
  );
  // A violation of a field the form shows is written under it; any other above the buttons.
  const errors: Partial<Record<string, string>> = {};
  for (const v of violations) if (fields.has(v.attribute)) errors[v.attribute] ??= labels.violation(v);
  const unplaced = violations.filter((v) => !fields.has(v.attribute));

  const create = async () => {
    setSaving(true);
    try {
      const result = await createConfigItem(db, newCiOf(ciClass, draft), user);
      setViolations(result.violations);
      if (result.id !== null) {
        notifications.show({ color: 'green', message: t('cmdb.create.created') });
        void navigate(`/cmdb/${encodeURIComponent(result.id)}`);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack data-testid="ci-new">
      <Anchor component={Link} to="/cmdb" size="sm">
        {t('cmdb.back')}
      </Anchor>
      <Title order={2}>{t('cmdb.create.title')}</Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Stack>
            <CiFactsForm
              ci={{ ciClass }}
              onClassChange={(next) => {
                setCiClass(next);
                setDraft((current) => withClass(current, next));
                setViolations([]);
              }}
              draft={draft}
              editable={fields}
              onChange={(next) => {
                setDraft(next);
                setViolations([]);
              }}
              errors={errors}
              locations={locations}
              groups={groups}
            />
            <CiViolationsAlert violations={unplaced} />
            <Group>
              <Button type="submit" loading={saving} data-testid="ci-create">
                {t('cmdb.create.submit')}
              </Button>
              <Button variant="default" component={Link} to="/cmdb">
                {t('cmdb.create.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
