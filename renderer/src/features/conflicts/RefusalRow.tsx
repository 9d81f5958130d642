import { Button, Group, Table, Text } from '@mantine/core';
import { jsonEqual } from '@shared';
import type { ConflictRecord } from '@shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { settleRefusal, useDb, useTicket } from '../../data/index.js';
import { DocumentCell } from './ConflictRow.js';
import { useFieldLabel, useValueText } from './conflict-text.js';

/** Fields a refused edit changed, with the value it wanted (bookkeeping fields left out). */
function changedFields(refusal: ConflictRecord): [string, unknown][] {
  const local = JSON.parse(refusal.localValue) as Record<string, unknown>;
  const remote = JSON.parse(refusal.remoteValue) as Record<string, unknown> | null;
  if (!remote) return [];
  return Object.entries(local).filter(
    ([field, value]) => !['_deleted', 'updatedAt', 'id'].includes(field) && !jsonEqual(value, remote[field]),
  );
}

/** A push the server refused for good: its translated reason, the change it carried, "edit and resend" and "discard". */
export function RefusalRow({ refusal }: { refusal: ConflictRecord }) {
  const { t } = useTranslation();
  const db = useDb();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  const [busy, setBusy] = useState(false);
  const isCreation = refusal.remoteValue === 'null';
  const ticket = useTicket(refusal.collectionName === 'tickets' ? refusal.docId : '');
  // The ticket's form is where the change is made again; a refused creation left no ticket on the device to edit.
  const editable = refusal.collectionName === 'tickets' && !isCreation && !!ticket;
  const settle = async () => {
    setBusy(true);
    try {
      await settleRefusal(db, refusal.id);
    } finally {
      setBusy(false);
    }
  };
  const changes = changedFields(refusal);

  return (
    <Table.Tr data-testid="refusal-row" data-refusal-code={refusal.code} data-doc-id={refusal.docId}>
      <Table.Td>
        <DocumentCell conflict={refusal} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="refusal-reason">
          {t(`refusals.code.${refusal.code ?? 'unknown'}`)}
        </Text>
        {refusal.message ? (
          <Text size="xs" c="dimmed" data-testid="refusal-message">
            {t('refusals.serverSaid', { message: refusal.message })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
        {isCreation
          ? t('refusals.creation')
          : changes
              .map(([field, value]) => `${fieldLabel(field)}: ${valueText(field, JSON.stringify(value ?? null))}`)
              .join('\n')}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {editable ? (
            <Button
              size="xs"
              component={Link}
              to={`/tickets/${encodeURIComponent(refusal.docId)}`}
              onClick={() => void settle()}
              disabled={busy}
              data-testid="refusal-edit"
            >
              {t('refusals.edit')}
            </Button>
          ) : null}
          <Button size="xs" variant="default" onClick={() => void settle()} loading={busy} data-testid="refusal-discard">
            {t('refusals.discard')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
