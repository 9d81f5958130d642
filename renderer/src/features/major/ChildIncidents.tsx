import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { childrenToResolve } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { Link } from 'react-router-dom';
import { LinkByNumber } from '../tickets/LinkByNumber.js';
import { useCurrentUser } from '../../app/session-context.js';
import { linkChildByNumber, unlinkChild, useChildTickets, useDb } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { ResolveWithChildrenDialog } from './ResolveWithChildrenDialog.js';

/** Child incidents of a major incident: link by number, the list with status, unlink, resolve them together. */
export function ChildIncidents({ parent }: { parent: Ticket }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const children = useChildTickets(parent.id);
  const [resolving, setResolving] = useState(false);
  const open = childrenToResolve(children);
  const parentDone = parent.status === 'resolved' || parent.status === 'closed';

  const link = async (number: string): Promise<string | undefined> => {
    const violations = await linkChildByNumber(db, parent.id, number, user);
    if (violations.length === 0) return undefined;
    return violations[0].field === 'number' ? t('major.notFound', { number }) : violationText(t, violations[0]);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="major-children-title">
      <Title order={4} size="h6" id="major-children-title">
        {t('major.children', { count: children.length })}
      </Title>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {children.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" component="li" data-testid="major-child" data-ticket-id={c.id}>
            <Anchor component={Link} to={`/tickets/${encodeURIComponent(c.id)}`} size="sm" lineClamp={1}>
              {c.number} · {c.title}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <Badge size="sm" variant="light" data-testid="major-child-status">
                {labels.status[c.status]}
              </Badge>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void unlinkChild(db, c.id, user)}
                aria-label={t('major.unlinkNamed', { number: c.number })}
              >
                {t('major.unlink')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <LinkByNumber prefix="major-link" label={t('major.linkNumber')} action={t('major.link')} onLink={link} />
      {(!parentDone || open.length > 0) && (
        <Group justify="flex-end">
          {parentDone && (
            <Text size="sm" fw={500} role="status">
              {t('major.openChildren', { count: open.length })}
            </Text>
          )}
          <Button size="xs" onClick={() => setResolving(true)} data-testid="major-resolve">
            {parentDone ? t('major.resolveChildren', { count: open.length }) : t('major.resolve')}
          </Button>
        </Group>
      )}
      {resolving && <ResolveWithChildrenDialog parent={parent} openChildren={open} onClose={() => setResolving(false)} />}
    </Stack>
  );
}
