import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { CampaignStatus, CampaignSummary } from '@shared';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useCampaignList, useDataNetwork, useDirectory } from '../../data/index.js';
import { STATE_COLORS } from '../../ui/colors.js';
import { useFormatters } from '../../ui/format.js';
import { useLabels } from '../../ui/labels.js';
import { audienceText } from './campaign-audience.js';

const STATUS_COLOR: Record<CampaignStatus, string> = { open: STATE_COLORS.on, closed: STATE_COLORS.off };

/**
 * The campaigns sent (and the surveys sent on resolution, one line per survey) with how many were sent and
 * answered, the response rate and whether answers can still come: the server's record, read online. `round`
 * reads it again (the page bumps it after a send).
 */
export function CampaignList({ round, onRefresh }: { round: number; onRefresh: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const fmt = useFormatters();
  const labels = useLabels();
  const directory = useDirectory();
  const network = useDataNetwork();
  const state = useCampaignList(round);
  const words = {
    t,
    lang,
    statusName: labels.status,
    typeName: labels.type,
    byId: directory.byId,
    day: (ms: number) => format(ms, 'PP', { locale: fmt.locale }),
  } as const;
  const title = (c: CampaignSummary) => c.surveyTitle[lang] || c.surveyTitle.en || c.surveyId;

  return (
    <Stack gap="xs" data-testid="campaign-list">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('campaignList.title')}
        </Title>
        <Button variant="default" size="xs" disabled={!network} onClick={onRefresh} data-testid="campaign-list-refresh">
          {t('campaignList.refresh')}
        </Button>
      </Group>
      {!network && <Text c="dimmed">{t('campaign.offline')}</Text>}
      {network && state.status === 'loading' && <Loader size="sm" />}
      {state.status === 'unavailable' && (
        <Alert color="yellow" data-testid="campaign-list-unavailable">
          {t('campaignList.unavailable', { message: state.message })}
        </Alert>
      )}
      {state.status === 'ready' && state.value.length === 0 && (
        <Text data-testid="campaign-list-empty">{t('campaignList.none')}</Text>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('campaignList.column.survey')}</Table.Th>
                <Table.Th>{t('campaignList.column.sentAt')}</Table.Th>
                <Table.Th>{t('campaignList.column.sentBy')}</Table.Th>
                <Table.Th ta="right">{t('campaignList.column.sent')}</Table.Th>
                <Table.Th ta="right">{t('campaignList.column.answered')}</Table.Th>
                <Table.Th ta="right">{t('campaignList.column.rate')}</Table.Th>
                <Table.Th>{t('campaignList.column.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.value.map((c) => (
                <Table.Tr key={c.id} data-testid="campaign-list-row" data-kind={c.kind}>
                  <Table.Td>
                    <Text size="sm" data-testid="campaign-list-survey">
                      {c.surveyVersion === null
                        ? title(c)
                        : t('campaignList.surveyVersion', { title: title(c), version: c.surveyVersion })}
                    </Text>
                    <Text size="xs" c="dimmed" data-testid="campaign-list-audience">
                      {audienceText(c.audience, words)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.kind === 'resolution'
                      ? t('campaignList.lastSent', { date: fmt.dateTime(c.sentAt) })
                      : fmt.dateTime(c.sentAt)}
                  </Table.Td>
                  <Table.Td data-testid="campaign-list-sender">
                    {c.sentBy === null ? '' : c.sentBy.name || t('campaignList.unknownSender', { id: c.sentBy.id })}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="campaign-list-sent">
                    {fmt.number(c.sent)}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="campaign-list-answered">
                    {fmt.number(c.answered)}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="campaign-list-rate">
                    {c.responseRate === null ? t('campaignList.noRate') : fmt.percent(c.responseRate)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={STATUS_COLOR[c.status]} data-testid="campaign-list-status">
                      {t(`campaignList.status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
