import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ciReferences, relationshipCount } from '@shared';
import type { ConfigItem } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { deleteConfigItem, useDb } from '../../data/index.js';
import type { CiEditViolation } from '../../data/index.js';
import { CiViolationsAlert } from './CiViolationsAlert.js';

/**
 * Confirms deleting a CI, naming it and what it touches: the relationships removed with it (its own edges, the
 * edges of other CIs to it, the CIs placed in it: shared `ciReferences`) and the open tickets that name it (they
 * keep its name). The command asks the shared policy again and writes the tombstone; the list is shown after.
 */
export function DeleteCiDialog({
  ci,
  items,
  openTickets,
  onClose,
}: {
  ci: ConfigItem;
  items: readonly ConfigItem[];
  openTickets: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [violations, setViolations] = useState<CiEditViolation[]>([]);
  const relationships = useMemo(() => relationshipCount(ciReferences(ci, items)), [ci, items]);

  const confirm = async () => {
    setBusy(true);
    try {
      const refused = await deleteConfigItem(db, ci.id, user);
      setViolations(refused);
      if (refused.length > 0) return;
      notifications.show({ color: 'green', message: t('cmdb.delete.done', { name: ci.name }) });
      onClose();
      void navigate('/cmdb');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('cmdb.delete.title', { name: ci.name })}>
      <Stack gap="sm" data-testid="ci-delete-dialog">
        <Text size="sm" data-testid="ci-delete-relationships" data-count={relationships}>
          {t('cmdb.delete.relationships', { count: relationships })}
        </Text>
        <Text size="sm" data-testid="ci-delete-tickets" data-count={openTickets}>
          {t('cmdb.delete.tickets', { count: openTickets })}
        </Text>
        <CiViolationsAlert violations={violations} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cmdb.delete.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="ci-delete-confirm">
            {t('cmdb.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
