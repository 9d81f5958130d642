import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { Level, PendingReason, ResolutionCode, Ticket } from '@shared';
import { TICKET_TEXT_LIMITS, computePriority } from '@shared';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useLabels } from '../../ui/labels.js';
import { byField, useViolationText } from '../../ui/violations.js';
import {
  entryOptions,
  fromOption,
  levelOptions,
  pendingReasonOptions,
  resolutionCodeOptions,
  statusOptions,
  toOption,
} from './options.js';
import type { TicketDraft } from './use-ticket-draft.js';

/** The editable fields of a ticket; rule violations appear under the field they concern. */
export function TicketFields({ stored, draft }: { stored: Ticket; draft: TicketDraft }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const lang = useLanguage();
  const directory = useDirectory();
  const errors = byField(draft.violations, useViolationText());
  const v = draft.effective;
  const priority = v.priorityOverrideReason.trim() ? v.priority : computePriority(v.impact, v.urgency);
  const resolving = v.status === 'resolved' || v.status === 'closed';

  return (
    <Stack gap="sm">
      <TextInput
        label={t('ticket.title')}
        value={v.title}
        onChange={(e) => draft.set('title', e.currentTarget.value)}
        error={errors.title}
        maxLength={TICKET_TEXT_LIMITS.title}
        data-testid="field-title"
        required
      />
      <Textarea
        label={t('ticket.description')}
        value={v.description}
        onChange={(e) => draft.set('description', e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={TICKET_TEXT_LIMITS.description}
        data-testid="field-description"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('ticket.status')}
          data={statusOptions(stored, labels)}
          value={v.status}
          onChange={(s) => s && draft.set('status', s)}
          allowDeselect={false}
          error={errors.status}
          data-testid="field-status"
        />
        {v.status === 'pending' && (
          <Select
            label={t('ticket.pendingReason')}
            placeholder={labels.pendingReason['']}
            data={pendingReasonOptions(labels)}
            value={v.pendingReason || null}
            onChange={(s) => draft.set('pendingReason', fromOption(s) as PendingReason)}
            error={errors.pendingReason}
            data-testid="field-pending-reason"
          />
        )}
      </SimpleGrid>
      {resolving && (
        <>
          <Select
            label={t('ticket.resolutionCode')}
            placeholder={labels.resolutionCode['']}
            data={resolutionCodeOptions(labels)}
            value={v.resolutionCode || null}
            onChange={(s) => draft.set('resolutionCode', fromOption(s) as ResolutionCode)}
            error={errors.resolutionCode}
            data-testid="field-resolution-code"
          />
          <Textarea
            label={t('ticket.resolutionNotes')}
            value={v.resolutionNotes}
            onChange={(e) => draft.set('resolutionNotes', e.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.resolutionNotes}
            maxLength={TICKET_TEXT_LIMITS.resolutionNotes}
            data-testid="field-resolution-notes"
          />
        </>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('ticket.impact')}
          data={levelOptions(labels)}
          value={String(v.impact)}
          onChange={(s) => s && draft.set('impact', Number(s) as Level)}
          allowDeselect={false}
          data-testid="field-impact"
        />
        <Select
          label={t('ticket.urgency')}
          data={levelOptions(labels)}
          value={String(v.urgency)}
          onChange={(s) => s && draft.set('urgency', Number(s) as Level)}
          allowDeselect={false}
          data-testid="field-urgency"
        />
        <TextInput
          label={t('ticket.priority')}
          value={labels.priority[priority]}
          readOnly
          error={errors.priority}
          data-testid="field-priority"
          description={t('ticket.priorityHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('ticket.assignee')}
          data={entryOptions(directory.users, v.assigneeId, t('ticket.unassigned'), lang)}
          value={toOption(v.assigneeId)}
          onChange={(s) => draft.set('assigneeId', fromOption(s))}
          searchable
          allowDeselect={false}
          data-testid="field-assignee"
        />
        <Select
          label={t('ticket.group')}
          data={entryOptions(directory.groups, v.groupId, t('ticket.noGroup'), lang)}
          value={toOption(v.groupId)}
          onChange={(s) => draft.set('groupId', fromOption(s))}
          searchable
          allowDeselect={false}
          error={errors.groupId}
          data-testid="field-group"
        />
      </SimpleGrid>
    </Stack>
  );
}
