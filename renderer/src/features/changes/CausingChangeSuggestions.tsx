import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { can, changeSettingsOf, suggestCausingChanges } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { linkCausingChange, useChanges, useConfigItems, useDb, useSettingDocuments, useTicket } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { useCmdbGraph } from '../cmdb/use-cmdb.js';
import { ErrorLines } from '../problems/FormFeedback.js';

/**
 * On an incident: the change that caused it when one is linked, else the changes implemented shortly before it on
 * its CIs or on what they depend on (the change settings' window), each linked with one click.
 */
export function CausingChangeSuggestions({ ticket }: { ticket: Ticket }) {
  if (ticket.type !== 'incident') return null;
  return ticket.causedByChangeId ? (
    <CausedBy ticket={ticket} changeId={ticket.causedByChangeId} />
  ) : (
    <Suggestions ticket={ticket} />
  );
}

function useLink(ticket: Ticket) {
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [errors, setErrors] = useState<string[]>([]);
  const editable = can(user, 'ticket.field.edit', { ticket, field: 'causedByChangeId' });
  const link = async (changeId: string) => setErrors((await linkCausingChange(db, ticket.id, changeId, user)).map(text));
  return { editable, link, errors };
}

function CausedBy({ ticket, changeId }: { ticket: Ticket; changeId: string }) {
  const { t } = useTranslation();
  const change = useTicket(changeId);
  const { editable, link, errors } = useLink(ticket);
  return (
    <Paper withBorder p="sm" data-testid="caused-by-change">
      <Group gap="xs" justify="space-between">
        <Text size="sm">
          {t('changes.causes.causedBy')}{' '}
          <Anchor component={Link} to={`/tickets/${changeId}`}>
            {change ? `${change.number} ${change.title}` : changeId}
          </Anchor>
        </Text>
        {editable && (
          <Button size="compact-xs" variant="subtle" onClick={() => void link('')} data-testid="caused-by-unlink">
            {t('changes.causes.unlink')}
          </Button>
        )}
      </Group>
      <ErrorLines errors={errors} />
    </Paper>
  );
}

function Suggestions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const changes = useChanges();
  const settings = changeSettingsOf(useSettingDocuments());
  const hasCis = (ticket.ciIds ?? []).length > 0;
  const { items } = useConfigItems();
  const graph = useCmdbGraph(items, hasCis);
  const { editable, link, errors } = useLink(ticket);
  const suggestions = useMemo(
    () =>
      hasCis && changes ? suggestCausingChanges(ticket, changes, settings.causedIncidentWindowHours, graph ?? undefined) : [],
    [hasCis, changes, ticket, settings.causedIncidentWindowHours, graph],
  );
  if (suggestions.length === 0) return null;
  const byId = new Map((changes ?? []).map((c) => [c.id, c]));
  return (
    <Paper withBorder p="sm" data-testid="causing-change-suggestions">
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('changes.causes.title')}
        </Title>
        {suggestions.map((s) => {
          const change = byId.get(s.changeId);
          return (
            <Group key={s.changeId} justify="space-between" gap="xs" data-testid="causing-change" data-change-id={s.changeId}>
              <Text size="sm">
                <Anchor component={Link} to={`/tickets/${s.changeId}`}>
                  {change ? `${change.number} ${change.title}` : s.changeId}
                </Anchor>{' '}
                {t('changes.causes.hoursAfter', { hours: s.hoursAfter })}
              </Text>
              {editable && (
                <Button size="compact-xs" onClick={() => void link(s.changeId)} data-testid="causing-change-link">
                  {t('changes.causes.link')}
                </Button>
              )}
            </Group>
          );
        })}
        <ErrorLines errors={errors} />
      </Stack>
    </Paper>
  );
}
