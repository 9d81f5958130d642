import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { EVENT_BODY_MAX, type Ticket } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { setMajor, useDb } from '../../data/index.js';
import { violationText } from '../../ui/violations.js';

/**
 * Declaring a major incident pages people and mails stakeholders, so it is confirmed with a reason (kept in the
 * history as the declaration's body) rather than one click; raising to priority 1 is offered, on by default.
 */
export function DeclareMajorDialog({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const [reason, setReason] = useState('');
  const [raisePriority, setRaisePriority] = useState(true);
  const [errors, setErrors] = useState<{ reason?: string; other?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) return setErrors({ reason: t('major.declare.reasonRequired') });
    setBusy(true);
    const violations = await setMajor(db, ticket.id, true, user.id, user, { reason, raisePriority });
    setBusy(false);
    if (violations.length === 0) return onClose();
    setErrors({ other: violations.map((v) => violationText(t, v)).join(' ') });
  };

  return (
    <Modal opened onClose={onClose} title={t('major.declare.title')}>
      <Stack gap="sm" data-testid="major-declare-dialog">
        <Text size="sm">{t('major.declare.explain', { number: ticket.number })}</Text>
        <Textarea
          label={t('major.declare.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          // Mantine's default error red is below AA contrast on white (3.6:1).
          styles={{ error: { color: 'var(--mantine-color-red-9)' } }}
          maxLength={EVENT_BODY_MAX}
          required
          autosize
          minRows={3}
          data-autofocus
          data-testid="major-declare-reason"
        />
        {ticket.priority !== 1 && (
          <Checkbox
            label={t('major.declare.raisePriority')}
            checked={raisePriority}
            onChange={(e) => setRaisePriority(e.currentTarget.checked)}
            data-testid="major-declare-priority"
          />
        )}
        {errors.other && (
          <Alert color="red" role="alert">
            {errors.other}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void submit()} data-testid="major-declare-submit">
            {t('major.declare.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
