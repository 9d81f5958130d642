import { Anchor, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { childrenToResolve } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { Link } from 'react-router-dom';
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
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [resolving, setResolving] = useState(false);
  const open = childrenToResolve(children);
  const parentDone = parent.status === 'resolved' || parent.status === 'closed';

  const link = async () => {
    const linked = number;
    const violations = await linkChildByNumber(db, parent.id, linked, user);
    if (violations.length > 0)
      return setError(
        violations[0].field === 'number' ? t('major.notFound', { number: linked }) : violationText(t, violations[0]),
      );
    // Clear only what was linked: a number typed while the link was saving is the next one.
    setNumber((current) => (current === linked ? '' : current));
    setError(undefined);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="major-children-title">
      <Title order={4} size="h6" id="major-children-title">
        {t('major.children', { n: children.length })}
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
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('major.linkNumber')}
          placeholder="INC0001234"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void link();
          }}
          // The message sits below in dark red: Mantine's error colour is too light for WCAG AA on white.
          aria-invalid={error !== undefined}
          aria-describedby={error ? 'major-link-error' : undefined}
          data-testid="major-link-number"
          style={{ flex: 1 }}
        />
        <Button size="sm" variant="light" onClick={() => void link()} disabled={!number.trim()} data-testid="major-link">
          {t('major.link')}
        </Button>
      </Group>
      {error && (
        <Text size="sm" c="red.9" id="major-link-error" role="alert">
          {error}
        </Text>
      )}
      {(!parentDone || open.length > 0) && (
        <Group justify="flex-end">
          {parentDone && (
            <Text size="sm" fw={500} role="status">
              {t('major.openChildren', { n: open.length })}
            </Text>
          )}
          <Button size="xs" onClick={() => setResolving(true)} data-testid="major-resolve">
            {parentDone ? t('major.resolveChildren', { n: open.length }) : t('major.resolve')}
          </Button>
        </Group>
      )}
      {resolving && <ResolveWithChildrenDialog parent={parent} openChildren={open} onClose={() => setResolving(false)} />}
    </Stack>
  );
}
