import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { ResolutionCode, Ticket } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { useCurrentUser } from '../../app/session-context.js';
import { resolveWithChildren, useDb } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { fromOption, resolutionCodeOptions } from '../tickets/options.js';

/**
 * Resolves the major incident and offers to resolve its open children with the same resolution, in one action
 * (each child still gets its own status change). Once the parent is resolved, it resolves the remaining children.
 */
export function ResolveWithChildrenDialog({
  parent,
  openChildren,
  onClose,
}: {
  parent: Ticket;
  openChildren: Ticket[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const [code, setCode] = useState<ResolutionCode>(parent.resolutionCode);
  const [notes, setNotes] = useState(parent.resolutionNotes);
  const [chosen, setChosen] = useState<string[]>(openChildren.map((c) => c.id));
  const [errors, setErrors] = useState<{ code?: string; notes?: string; other?: string }>({});

  const submit = async () => {
    const missing = {
      code: code ? undefined : t('violations.resolution_code_required'),
      notes: notes.trim() ? undefined : t('violations.resolution_notes_required'),
    };
    if (missing.code || missing.notes) return setErrors(missing);
    const result = await resolveWithChildren(db, parent.id, { resolutionCode: code, resolutionNotes: notes }, chosen, user);
    const problems = [
      ...result.violations.map((v) => violationText(t, v)),
      ...result.refused.map((r) => `${r.number}: ${r.violations[0]?.message ?? ''}`),
    ];
    if (problems.length > 0) return setErrors({ other: problems.join(' ') });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('major.resolveTitle')}>
      <Stack gap="sm" data-testid="major-resolve-dialog">
        <Select
          label={t('ticket.resolutionCode')}
          data={resolutionCodeOptions(labels)}
          value={code || null}
          onChange={(v) => setCode(fromOption(v) as ResolutionCode)}
          error={errors.code}
          data-testid="major-resolve-code"
        />
        <Textarea
          label={t('ticket.resolutionNotes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={2}
          data-testid="major-resolve-notes"
        />
        {openChildren.length > 0 && (
          <Checkbox.Group label={t('major.alsoResolve')} value={chosen} onChange={setChosen}>
            <Stack gap={4} mt={4}>
              {openChildren.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${c.number} · ${c.title}`} data-testid="major-resolve-child" />
              ))}
            </Stack>
          </Checkbox.Group>
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
          <Button onClick={() => void submit()} data-testid="major-resolve-submit">
            {chosen.length > 0 ? t('major.resolveSubmit', { count: chosen.length }) : t('major.resolveOnly')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
