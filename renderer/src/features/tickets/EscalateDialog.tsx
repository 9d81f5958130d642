import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import type { Ticket } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { useCurrentUser } from '../../app/session-context.js';
import { escalateTicket, useDb, useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';

/** Functional escalation: another group (tier 2 or 3) and a reason, recorded in the history. */
export function EscalateDialog({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const lang = useLanguage();
  const directory = useDirectory();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [tier, setTier] = useState<'2' | '3'>('2');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const groups = directory.groups
    .filter((g) => g.id !== ticket.groupId)
    .map((g) => ({ value: g.id, label: (lang === 'fr' && g.nameFr) || g.name }));

  const submit = async () => {
    const violations = await escalateTicket(db, ticket.id, { groupId: groupId ?? '', tier: tier === '3' ? 3 : 2, reason }, user);
    if (violations.length === 0) return onClose();
    const next: Record<string, string> = {};
    for (const v of violations)
      next[v.field] =
        v.field === 'reason'
          ? t('actions.reasonRequired')
          : v.field === 'groupId'
            ? t('actions.groupRequired')
            : violationText(t, v);
    setErrors(next);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.escalateTitle')}>
      <Stack gap="sm" data-testid="escalate-dialog">
        <Select
          label={t('actions.escalateGroup')}
          data={groups}
          value={groupId}
          onChange={setGroupId}
          searchable
          error={errors.groupId}
          data-testid="escalate-group"
        />
        <SegmentedControl
          aria-label={t('actions.tier')}
          data={[
            { value: '2', label: t('actions.tier2') },
            { value: '3', label: t('actions.tier3') },
          ]}
          value={tier}
          onChange={(v) => setTier(v === '3' ? '3' : '2')}
          data-testid="escalate-tier"
        />
        <Textarea
          label={t('actions.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          data-testid="escalate-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void submit()} data-testid="escalate-submit">
            {t('actions.escalateSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
