import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Ticket } from '@shared';
import { CHANNELS, TICKET_TEXT_LIMITS, can } from '@shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { byField, useViolationText } from '../../ui/violations.js';
import { categoryOptions } from '../create/category-options.js';
import type { TicketDraft } from './use-ticket-draft.js';

/**
 * What was recorded at creation (caller, channel, category, free-text affected item) stays on the ticket page: editable where
 * the shared policy lets the reader change that field, shown read-only otherwise. Values are plain text in inputs,
 * never markup, so whatever a caller typed is displayed as typed.
 */
export function TicketContactFields({ stored, draft }: { stored: Ticket; draft: TicketDraft }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const user = useCurrentUser();
  const directory = useDirectory();
  const errors = byField(draft.violations, useViolationText());
  const v = draft.effective;
  const editable = (field: keyof Ticket) => can(user, 'ticket.field.edit', { ticket: stored, field });

  const callers = directory.users.map((u) => ({ value: u.id, label: u.email ? `${u.name} <${u.email}>` : u.name }));
  // A caller the directory no longer lists (left, not yet synced) is still named by their id rather than hidden.
  if (v.callerId && !directory.users.some((u) => u.id === v.callerId)) {
    const known = directory.byId.get(v.callerId);
    callers.push({ value: v.callerId, label: known?.name ?? v.callerId });
  }
  const categories = categoryOptions(directory.categories, lang);
  if (v.categoryId && !directory.categories.some((c) => c.id === v.categoryId)) {
    const known = directory.byId.get(v.categoryId);
    const label = (lang === 'fr' && known?.nameFr) || known?.name || v.categoryId;
    categories.push({ group: t('ticket.category'), items: [{ value: v.categoryId, label }] });
  }
  const outsideCaller = v.callerId === '';
  // The free text named the affected item before the CMDB: shown (and kept) until a CI names it.
  const linked = (v.ciIds?.length ?? 0) > 0;

  return (
    <Stack gap="sm" data-testid="ticket-contact-fields">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('ticket.caller')}
          placeholder={t('ticket.outsideCaller')}
          data={callers}
          value={v.callerId || null}
          onChange={(s) => draft.set('callerId', s ?? '')}
          searchable
          clearable
          limit={50}
          readOnly={!editable('callerId')}
          error={errors.callerId}
          data-testid="field-caller"
        />
        <Select
          label={t('ticket.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={v.channel}
          onChange={(s) => s && draft.set('channel', s)}
          allowDeselect={false}
          readOnly={!editable('channel')}
          data-testid="field-channel"
        />
      </SimpleGrid>
      {outsideCaller && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('ticket.callerName')}
            value={v.callerName ?? ''}
            onChange={(e) => draft.set('callerName', e.currentTarget.value)}
            readOnly={!editable('callerName')}
            maxLength={TICKET_TEXT_LIMITS.callerName}
            error={errors.callerName}
            data-testid="field-caller-name"
          />
          <TextInput
            label={t('ticket.callerEmail')}
            value={v.callerEmail ?? ''}
            onChange={(e) => draft.set('callerEmail', e.currentTarget.value)}
            readOnly={!editable('callerEmail')}
            maxLength={TICKET_TEXT_LIMITS.callerEmail}
            error={errors.callerEmail}
            data-testid="field-caller-email"
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('ticket.category')}
          description={t('ticket.categoryHint')}
          // The hints sit under the inputs so the two inputs stay level when one hint wraps.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          placeholder={t('ticket.noCategory')}
          data={categories}
          value={v.categoryId || null}
          onChange={(s) => s && draft.set('categoryId', s)}
          searchable
          allowDeselect={false}
          readOnly={!editable('categoryId')}
          error={errors.categoryId}
          data-testid="field-category"
        />
        {!linked && (
          <TextInput
            label={t('ticket.affectedItem')}
            description={t('ticket.affectedItemHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={v.affectedItem ?? ''}
            onChange={(e) => draft.set('affectedItem', e.currentTarget.value)}
            readOnly={!editable('affectedItem')}
            maxLength={TICKET_TEXT_LIMITS.affectedItem}
            error={errors.affectedItem}
            data-testid="field-affected-item"
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
