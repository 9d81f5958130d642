import { Anchor, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { buildCmdbGraph, can, isLocation, sitesOfGroups } from '@shared';
import type { ConfigItem } from '@shared';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { updateConfigItem, useCiHistory, useConfigItems, useDb, useDirectory, useOpenTicketsOfCi } from '../../data/index.js';
import type { CiEditViolation } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { useLabels } from '../../ui/labels.js';
import { CiCriticalityBadge, CiStatusBadge } from './CiBadges.js';
import { CiFactsForm } from './CiFactsForm.js';
import { CiHistoryList } from './CiHistoryList.js';
import { CiImpactPanel } from './CiImpactPanel.js';
import { CiRelationsPanel } from './CiRelationsPanel.js';
import type { CiDraft } from './ci-form.js';
import { attributeSpecs, CI_FORM_FIELDS, draftOf, editableFields, patchOf } from './ci-form.js';
import { historyRows } from './ci-history-rows.js';
import { useCiLabels } from './ci-labels.js';
import { CiViolationsAlert } from './CiViolationsAlert.js';
import { DeleteCiDialog } from './DeleteCiDialog.js';
import { useDirectoryNames } from './use-directory-names.js';

/**
 * One configuration item: key facts and class attributes (editable as the shared CMDB policy allows), its outgoing
 * relationships (relinked by those the policy lets), impact analysis, open tickets naming it, and its history.
 * Everything is read from this device, so it works offline; an edit is written locally and syncs, and the server
 * records its history.
 */
export function CiPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { items, loading } = useConfigItems();
  if (loading)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const ci = items.find((c) => c.id === id);
  if (!ci)
    return (
      <Stack>
        <Text data-testid="ci-not-found">{t('cmdb.notFound')}</Text>
        <Anchor component={Link} to="/cmdb">
          {t('cmdb.back')}
        </Anchor>
      </Stack>
    );
  // Keyed by CI: a draft or violations of one CI never carry over to the next one opened from its impact.
  return <CiView key={ci.id} ci={ci} items={items} />;
}

function CiView({ ci, items }: { ci: ConfigItem; items: ConfigItem[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const labels = useCiLabels();
  const ticketLabels = useLabels();
  const fmt = useFormatters();
  const lang = useLanguage();
  const directory = useDirectory();
  const directoryName = useDirectoryNames();
  const history = useCiHistory(ci.id);
  const tickets = useOpenTicketsOfCi(ci.id);
  const [draft, setDraft] = useState<CiDraft | null>(null);
  const [violations, setViolations] = useState<CiEditViolation[]>([]);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const byId = useMemo(() => new Map(items.map((c) => [c.id, c])), [items]);
  const graph = useMemo(() => buildCmdbGraph(items), [items]);
  const sites = useMemo(() => sitesOfGroups(user.groupIds, items), [user.groupIds, items]);
  const editable = useMemo(() => editableFields(user, ci, sites), [user, ci, sites]);
  // Relinking is the field `relations` of the shared policy (configuration managers and admins), as the push checks.
  const canRelink = can(user, 'ci.edit_field', { ci, sites, field: 'relations' });
  // Deleting, like creating, is `ci.manage` (configuration managers and admins), as the push's grant check asks.
  const canDelete = can(user, 'ci.manage');
  const locations = useMemo(
    () =>
      items
        .filter((c) => isLocation(c) && c.id !== ci.id)
        .map((c) => ({ value: c.id, label: c.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [items, ci.id],
  );
  const groups = useMemo(
    () => directory.groups.map((g) => ({ value: g.id, label: (lang === 'fr' && g.nameFr) || g.name })),
    [directory.groups, lang],
  );
  const rows = useMemo(
    () =>
      historyRows(history, {
        user: directoryName,
        group: directoryName,
        ci: (cid) => byId.get(cid)?.name,
        value: labels.value,
      }),
    [history, directoryName, byId, labels],
  );

  const current = draft ?? draftOf(ci);
  const patch = patchOf(ci, current);
  const dirty = Object.keys(patch).length > 0;
  // A violation of a field the form shows is written under it; any other (an edge, the record) above the buttons.
  const formFields = new Set<string>([...CI_FORM_FIELDS, ...attributeSpecs(ci).map(([key]) => `attributes.${key}`)]);
  const errors: Partial<Record<string, string>> = {};
  for (const v of violations) if (formFields.has(v.attribute)) errors[v.attribute] ??= labels.violation(v);
  const unplaced = violations.filter((v) => !formFields.has(v.attribute));

  const save = async () => {
    setSaving(true);
    try {
      const refused = await updateConfigItem(db, ci.id, patch, user);
      setViolations(refused);
      if (refused.length === 0) {
        setDraft(null);
        notifications.show({ color: 'green', message: t('cmdb.saved') });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack data-testid="ci-page" data-ci-id={ci.id}>
      <Anchor component={Link} to="/cmdb" size="sm">
        {t('cmdb.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} data-testid="ci-title">
            {ci.name}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {labels.ciClass[ci.ciClass]}
            </Text>
            <CiStatusBadge status={ci.status} />
            <CiCriticalityBadge criticality={ci.criticality} />
            <Text size="xs" c="dimmed">
              {t('cmdb.fields.updatedAt')}: {fmt.dateTime(ci.updatedAt)}
            </Text>
          </Group>
        </Stack>
        {canDelete && (
          <Button color="red" variant="light" onClick={() => setDeleting(true)} data-testid="ci-delete">
            {t('cmdb.delete.open')}
          </Button>
        )}
      </Group>
      {deleting && <DeleteCiDialog ci={ci} items={items} openTickets={tickets.length} onClose={() => setDeleting(false)} />}
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack>
            {editable.size === 0 ? (
              <Text size="sm" c="dimmed">
                {t('cmdb.readOnly')}
              </Text>
            ) : (
              !editable.has('name') && (
                <Text size="sm" c="dimmed">
                  {t('cmdb.partlyEditable')}
                </Text>
              )
            )}
            <CiFactsForm
              ci={ci}
              draft={current}
              editable={editable}
              onChange={(next) => {
                setDraft(next);
                setViolations([]);
              }}
              errors={errors}
              locations={locations}
              groups={groups}
            />
            <CiViolationsAlert violations={unplaced} />
            {editable.size > 0 && (
              <Group>
                <Button type="submit" disabled={!dirty} loading={saving} data-testid="ci-save">
                  {t('cmdb.save')}
                </Button>
                <Button
                  variant="default"
                  disabled={!dirty}
                  onClick={() => {
                    setDraft(null);
                    setViolations([]);
                  }}
                >
                  {t('cmdb.reset')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <CiRelationsPanel ci={ci} items={items} byId={byId} nameOf={directoryName} canRelink={canRelink} />
      </Paper>
      <Paper withBorder p="md">
        <CiImpactPanel ci={ci} graph={graph} byId={byId} nameOf={directoryName} />
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs" data-testid="ci-tickets">
          <Title order={3}>{t('cmdb.tickets.title')}</Title>
          {tickets.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('cmdb.tickets.empty')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {tickets.map((ticket) => (
                <Group key={ticket.id} component="li" gap="xs" data-testid="ci-ticket">
                  <Anchor component={Link} to={`/tickets/${encodeURIComponent(ticket.id)}`}>
                    {ticket.number}
                  </Anchor>
                  <Text size="sm">{ticket.title}</Text>
                  <Text size="xs" c="dimmed">
                    {ticketLabels.status[ticket.status]}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <CiHistoryList rows={rows} formatTime={fmt.dateTime} />
      </Paper>
    </Stack>
  );
}
