import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ConflictRecord } from '@shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { resolveConflict, useDb, useDirectory, useTicket } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import type { ConflictChoice } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { useFieldLabel, useValueText } from './conflict-text.js';

/** The document a record concerns: a link to its ticket when it is one. */
export function DocumentCell({ conflict }: { conflict: ConflictRecord }) {
  const ticket = useTicket(conflict.collectionName === 'tickets' ? conflict.docId : '');
  if (conflict.collectionName === 'tickets' && ticket) {
    return (
      <Anchor component={Link} to={`/tickets/${encodeURIComponent(ticket.id)}`}>
        {ticket.number} · {ticket.title}
      </Anchor>
    );
  }
  return (
    <Text size="sm">
      {conflict.collectionName} · {conflict.docId}
    </Text>
  );
}

export function ConflictRow({ conflict }: { conflict: ConflictRecord }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  const violationText = useViolationText();
  const fmt = useFormatters();
  const { byId } = useDirectory();
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const [busy, setBusy] = useState<ConflictChoice | null>(null);

  const choose = async (choice: ConflictChoice) => {
    setBusy(choice);
    try {
      const violations = await resolveConflict(db, conflict.id, choice, user);
      if (violations.length > 0)
        notifications.show({ color: 'red', title: t('conflicts.refused'), message: violations.map(violationText).join(' ') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Table.Tr data-testid="conflict-row" data-field={conflict.field} data-conflict-id={conflict.id} data-doc-id={conflict.docId}>
      <Table.Td>
        <DocumentCell conflict={conflict} />
      </Table.Td>
      <Table.Td>{fieldLabel(conflict.field)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{valueText(conflict.field, conflict.localValue)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
        {valueText(conflict.field, conflict.remoteValue)}
        {(conflict.remoteBy || conflict.remoteAt) && (
          <Text size="xs" c="dimmed" data-testid="conflict-remote-by">
            {conflict.remoteBy && conflict.remoteAt
              ? t('conflicts.changedBy', { name: nameOf(conflict.remoteBy), time: fmt.dateTime(conflict.remoteAt) })
              : conflict.remoteBy
                ? t('conflicts.changedByName', { name: nameOf(conflict.remoteBy) })
                : t('conflicts.changedAt', { time: fmt.dateTime(conflict.remoteAt ?? 0) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            onClick={() => void choose('local')}
            loading={busy === 'local'}
            disabled={busy !== null}
            data-testid="conflict-keep-local"
          >
            {t('conflicts.keepLocal')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => void choose('server')}
            loading={busy === 'server'}
            disabled={busy !== null}
            data-testid="conflict-keep-server"
          >
            {t('conflicts.keepServer')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
