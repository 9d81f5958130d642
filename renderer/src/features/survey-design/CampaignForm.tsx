import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { TICKET_STATUSES, type CampaignPreview, type CampaignRequest, type CampaignTicketFilter, type Survey } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewCampaign, sendCampaign, useDataNetwork, useDirectory } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { localName } from '../admin/category-tree.js';
import { parseContacts } from './campaign-contacts.js';

const OUTCOME_COLOR = { sent: '#1b6e2d', skipped: '#a34700', invalid: '#c92a2a' } as const;

/** A date input's value (YYYY-MM-DD, the local day) as the first or last millisecond of that day. */
const dayBound = (value: string, end: boolean): number | undefined =>
  value ? new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}`).getTime() : undefined;

/**
 * A manual campaign: an active survey to pasted or imported contacts, or to the callers of the tickets a filter
 * picks. The preview names everyone, and who is left out and why, before anything is sent; Send is offered only
 * for the request previewed. `onSent` tells the page a send was attempted (its campaign list is then stale).
 */
export function CampaignForm({ surveys, onSent }: { surveys: readonly Survey[]; onSent?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const labels = useLabels();
  const network = useDataNetwork();
  const directory = useDirectory();
  const active = surveys.filter((s) => s.status === 'active');
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [mode, setMode] = useState<'contacts' | 'tickets'>('contacts');
  const [pasted, setPasted] = useState('');
  const [filter, setFilter] = useState<{ statuses: string[]; groupId: string; categoryId: string; from: string; to: string }>({
    statuses: ['resolved', 'closed'],
    groupId: '',
    categoryId: '',
    from: '',
    to: '',
  });
  const [preview, setPreview] = useState<{ request: string; result: CampaignPreview } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseContacts(pasted, lang), [pasted, lang]);

  const request = (): CampaignRequest | null => {
    if (!surveyId) return null;
    if (mode === 'contacts') return parsed.contacts.length > 0 ? { surveyId, contacts: parsed.contacts } : null;
    const ticketFilter: CampaignTicketFilter = {
      ...(filter.statuses.length ? { statuses: filter.statuses } : {}),
      ...(filter.groupId ? { groupId: filter.groupId } : {}),
      ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
      ...(dayBound(filter.from, false) !== undefined ? { updatedFrom: dayBound(filter.from, false) } : {}),
      ...(dayBound(filter.to, true) !== undefined ? { updatedTo: dayBound(filter.to, true) } : {}),
    };
    return Object.keys(ticketFilter).length > 0 ? { surveyId, ticketFilter } : null;
  };
  const current = request();
  const previewed = preview && current && preview.request === JSON.stringify(current) ? preview.result : null;

  const run = async (send: boolean) => {
    if (!network || !current) return;
    setBusy(true);
    setMessage(null);
    if (send) {
      const answer = await sendCampaign(network, current);
      setMessage(
        answer.ok
          ? {
              ok: true,
              text: t('campaign.sent', { sent: answer.value.sent, skipped: answer.value.skipped, invalid: answer.value.invalid }),
            }
          : { ok: false, text: answer.message },
      );
      setPreview(null);
      // Even a refused send may have been recorded before the answer was lost: the list is read again either way.
      onSent?.();
    } else {
      const answer = await previewCampaign(network, current);
      if (answer.ok) setPreview({ request: JSON.stringify(current), result: answer.value });
      else setMessage({ ok: false, text: answer.message });
    }
    setBusy(false);
  };

  return (
    <Stack data-testid="campaign-form">
      <Select
        label={t('campaign.survey')}
        description={t('campaign.surveyHint')}
        data={active.map((s) => ({ value: s.id, label: `${s.title[lang] || s.title.en} (v${s.version})` }))}
        value={surveyId}
        onChange={setSurveyId}
        data-testid="campaign-survey"
      />
      <SegmentedControl
        aria-label={t('campaign.to')}
        w="fit-content"
        data={[
          { value: 'contacts', label: t('campaign.toContacts') },
          { value: 'tickets', label: t('campaign.toCallers') },
        ]}
        value={mode}
        onChange={(v) => setMode(v === 'tickets' ? 'tickets' : 'contacts')}
        data-testid="campaign-mode"
      />
      {mode === 'contacts' ? (
        <>
          <Textarea
            label={t('campaign.contacts')}
            description={t('campaign.contactsHint')}
            autosize
            minRows={4}
            maxRows={12}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
            data-testid="campaign-contacts"
          />
          <FileInput
            label={t('campaign.csv')}
            accept=".csv,text/csv"
            clearable
            onChange={(file) => void file?.text().then(setPasted)}
            data-testid="campaign-csv"
          />
          <Text size="sm" c="dimmed" data-testid="campaign-contact-count">
            {t('campaign.readContacts', { count: parsed.contacts.length })}
          </Text>
          {parsed.problems.length > 0 && (
            <Alert color="yellow" data-testid="campaign-unread">
              {t('campaign.unread', { entries: parsed.problems.map((p) => `${p.line}: ${p.text}`).join(' · ') })}
            </Alert>
          )}
        </>
      ) : (
        <Group grow align="flex-start">
          <MultiSelect
            label={t('campaign.statuses')}
            data={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
            value={filter.statuses}
            onChange={(statuses) => setFilter((f) => ({ ...f, statuses }))}
            data-testid="campaign-statuses"
          />
          <Select
            label={t('campaign.group')}
            data={directory.groups.map((g) => ({ value: g.id, label: localName(g, lang) }))}
            value={filter.groupId || null}
            onChange={(v) => setFilter((f) => ({ ...f, groupId: v ?? '' }))}
            clearable
            data-testid="campaign-group"
          />
          <Select
            label={t('campaign.category')}
            data={directory.categories.map((c) => ({ value: c.id, label: localName(c, lang) }))}
            value={filter.categoryId || null}
            onChange={(v) => setFilter((f) => ({ ...f, categoryId: v ?? '' }))}
            searchable
            clearable
            data-testid="campaign-category"
          />
          <TextInput
            type="date"
            label={t('campaign.from')}
            value={filter.from}
            onChange={(e) => setFilter((f) => ({ ...f, from: e.currentTarget.value }))}
          />
          <TextInput
            type="date"
            label={t('campaign.until')}
            value={filter.to}
            onChange={(e) => setFilter((f) => ({ ...f, to: e.currentTarget.value }))}
          />
        </Group>
      )}
      {!network && <Alert color="yellow">{t('campaign.offline')}</Alert>}
      <Group>
        <Button
          variant="default"
          disabled={!current || !network}
          loading={busy && !previewed}
          onClick={() => void run(false)}
          data-testid="campaign-preview"
        >
          {t('campaign.preview')}
        </Button>
        <Button
          disabled={!previewed || previewed.sent === 0}
          loading={busy && !!previewed}
          onClick={() => void run(true)}
          data-testid="campaign-send"
        >
          {previewed ? t('campaign.sendN', { count: previewed.sent }) : t('campaign.send')}
        </Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} data-testid="campaign-message">
          {message.text}
        </Alert>
      )}
      {previewed && (
        <Stack gap="xs" data-testid="campaign-result">
          <Text fw={600}>
            {t('campaign.summary', { sent: previewed.sent, skipped: previewed.skipped, invalid: previewed.invalid })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaign.column.who')}</Table.Th>
                  <Table.Th>{t('campaign.column.ticket')}</Table.Th>
                  <Table.Th>{t('campaign.column.outcome')}</Table.Th>
                  <Table.Th>{t('campaign.column.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {previewed.recipients.map((r, i) => (
                  <Table.Tr key={i} data-testid="campaign-recipient" data-outcome={r.outcome}>
                    <Table.Td>{r.name ? `${r.name} <${r.email}>` : r.email}</Table.Td>
                    <Table.Td>{r.ticketNumber ?? ''}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={OUTCOME_COLOR[r.outcome]}>
                        {t(`campaign.outcome.${r.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-testid="campaign-recipient-reason">
                      {r.reason ? t(`campaign.reason.${r.reason}`) : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}
