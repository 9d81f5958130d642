import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RuleViolation, TicketType } from '@shared';
import { CHANNELS, TICKET_TEXT_LIMITS, isSecurityCategory } from '@shared';
import { categoryDefaults, routeTicket } from '@shared/domain/routing.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { createTicket, onNumberConfirmed, useDb, useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useLabels } from '../../ui/labels.js';
import { byField, useViolationText } from '../../ui/violations.js';
import { CiImpactSummary } from '../cmdb/CiImpactSummary.js';
import { CiPicker } from '../cmdb/CiPicker.js';
import { useCmdbLookup } from '../cmdb/use-cmdb.js';
import { CallerFields } from './CallerFields.js';
import { categoryOptions } from './category-options.js';
import { DuplicateHints } from './DuplicateHints.js';
import { PriorityFields } from './PriorityFields.js';
import { toInput, useCreateForm } from './use-create-form.js';

/** What a person records from this form; a change's tasks are made from the change (they need their parent). */
const CREATABLE_TYPES: readonly TicketType[] = ['incident', 'request', 'problem', 'change', 'release'];

/** Records a new ticket on this device (a change starts as a draft RFC); it syncs when the device is online. */
export function CreateTicketPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const lang = useLanguage();
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const directory = useDirectory();
  const cmdb = useCmdbLookup();
  const form = useCreateForm();
  const { values, set } = form;
  const [saving, setSaving] = useState(false);
  const violationText = useViolationText();
  const text = (v: RuleViolation) =>
    ['callerName', 'callerEmail', 'priorityOverrideReason', 'categoryId'].includes(v.field)
      ? t(`create.errors.${v.field}`)
      : violationText(v);
  const errors = byField(form.violations, text) as Record<string, string>;
  const routedGroup = directory.byId.get(routeTicket(values.categoryId, directory.categories));

  const submit = async () => {
    setSaving(true);
    try {
      const { ticket, violations } = await createTicket(db, toInput(values), user);
      if (!ticket) return form.setViolations(violations);
      // The toast names the number the server confirms while it is shown: the one the caller should be given.
      let stop = () => {};
      const toast = notifications.show({
        color: 'green',
        message: t('create.created', { number: ticket.number }),
        autoClose: 8000,
        onClose: () => stop(),
      });
      stop = onNumberConfirmed(db, ticket.id, (number) => {
        const message = t('create.confirmed', { number, provisional: ticket.number });
        notifications.update({ id: toast, color: 'green', message, autoClose: 8000, onClose: () => stop() });
      });
      void navigate(`/tickets/${encodeURIComponent(ticket.id)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      data-testid="create-ticket"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Title order={1} size="h3">
          {t('create.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <SegmentedControl
              aria-label={t('create.type')}
              data={CREATABLE_TYPES.map((v) => ({ value: v, label: labels.type[v] }))}
              value={values.type}
              onChange={(v) => set('type', v)}
              data-testid="create-type"
            />
          </Stack>
          <Select
            label={t('create.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            value={values.channel}
            onChange={(v) => v && set('channel', v)}
            allowDeselect={false}
            data-testid="create-channel"
          />
        </SimpleGrid>
        <CallerFields form={form} directory={directory} errors={errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('create.category')}
            placeholder={t('create.noCategory')}
            data={categoryOptions(directory.categories, lang)}
            value={values.categoryId || null}
            onChange={(v) => {
              set('categoryId', v ?? '');
              // The category's defaults are a starting point: the agent can still change either afterwards.
              const defaults = categoryDefaults(v ?? '', directory.categories);
              if (defaults.impact) set('impact', defaults.impact);
              if (defaults.urgency) set('urgency', defaults.urgency);
            }}
            searchable
            clearable
            description={
              routedGroup
                ? [
                    t('create.routedTo', { group: (lang === 'fr' && routedGroup.nameFr) || routedGroup.name }),
                    isSecurityCategory(values.categoryId, directory.categories) ? t('security.createHint') : '',
                  ]
                    .filter(Boolean)
                    .join(' ')
                : undefined
            }
            error={errors.categoryId}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data-testid="create-category"
          />
          <CiPicker
            cmdb={cmdb}
            value={values.ciIds}
            onChange={(ids) => set('ciIds', ids)}
            label={t('ticketCis.label')}
            placeholder={t('ticketCis.placeholder')}
            testId="create-cis"
          />
        </SimpleGrid>
        {values.ciIds.length === 0 && (
          <TextInput
            label={t('create.affectedItem')}
            placeholder={t('create.affectedItemHint')}
            description={t('ticketCis.freeTextHint')}
            value={values.affectedItem}
            onChange={(e) => set('affectedItem', e.currentTarget.value)}
            maxLength={TICKET_TEXT_LIMITS.affectedItem}
            data-testid="create-affected-item"
          />
        )}
        <CiImpactSummary cmdb={cmdb} ciIds={values.ciIds} impact={values.impact} onAccept={(impact) => set('impact', impact)} />
        <PriorityFields form={form} errors={errors} />
        <TextInput
          label={t('ticket.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
          required
          maxLength={TICKET_TEXT_LIMITS.title}
          data-testid="create-title"
        />
        <DuplicateHints title={values.title} callerId={values.newContact ? '' : values.callerId} />
        <Textarea
          label={t('ticket.description')}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={TICKET_TEXT_LIMITS.description}
          data-testid="create-description"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate('/tickets')}>
            {t('create.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="create-submit">
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
