import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { linkFixedTicket, unlinkFixedTicket, useDb } from '../../data/index.js';
import { useTicketsByIds } from '../../data/hooks/releases.js';
import { useViolationText } from '../../ui/violations.js';
import { LinkByNumber } from '../tickets/LinkByNumber.js';

/** The incidents and problems the change fixes, linked by number (the release notes list them). */
export function ChangeFixes({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const ids = ticket.fixesTicketIds ?? [];
  const fixed = new Map(useTicketsByIds(ids).map((f) => [f.id, f]));
  const link = async (number: string) => {
    const violations = await linkFixedTicket(db, ticket.id, number, user);
    return violations.length > 0 ? violations.map(text).join(' ') : undefined;
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="change-fixes-title" data-testid="change-fixes">
      <Title order={4} size="h6" id="change-fixes-title">
        {t('changes.fixes.title')}
      </Title>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('changes.fixes.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {ids.map((id) => {
            const target = fixed.get(id);
            return (
              <List.Item key={id} data-testid="change-fix" data-ticket-id={id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/tickets/${id}`}>
                    {target ? `${target.number} ${target.title}` : id}
                  </Anchor>
                  <Button size="compact-xs" variant="subtle" onClick={() => void unlinkFixedTicket(db, ticket.id, id, user)}>
                    {t('changes.fixes.remove')}
                  </Button>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <LinkByNumber prefix="change-fix-link" label={t('changes.fixes.number')} action={t('changes.fixes.add')} onLink={link} />
    </Stack>
  );
}
