import { Alert, Badge, Button, Card, Group, Stack, Table, Tabs, Title } from '@mantine/core';
import type { Survey } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { newId } from '../../data/doc-utils.js';
import { canManageSurveys, useSurveys } from '../../data/index.js';
import { STATE_COLORS } from '../../ui/colors.js';
import { CampaignForm } from './CampaignForm.js';
import { CampaignList } from './CampaignList.js';
import { SendingSettings } from './SendingSettings.js';
import { SurveyEditor } from './SurveyEditor.js';
import { emptySurvey } from './survey-draft.js';

const STATUS_COLOR: Record<Survey['status'], string> = { draft: '#1864ab', active: STATE_COLORS.on, retired: STATE_COLORS.off };

/**
 * Survey design for supervisors and administrators: the templates (designed offline, on this device, and
 * replicated) and how surveys are sent on resolution (on the server).
 */
export function SurveyDesignPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const surveys = useSurveys();
  const [open, setOpen] = useState<{ stored?: Survey; initial: Survey; key: string } | null>(null);
  const [campaignRound, setCampaignRound] = useState(0);
  const readCampaignsAgain = () => setCampaignRound((n) => n + 1);
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  if (!canManageSurveys(user))
    return (
      <Alert color="gray" data-testid="survey-design-forbidden">
        {t('surveyDesign.forbidden')}
      </Alert>
    );
  return (
    <Stack data-testid="survey-design-page">
      <Title order={2}>{t('surveyDesign.title')}</Title>
      <Tabs defaultValue="templates" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="templates">{t('surveyDesign.templates')}</Tabs.Tab>
          <Tabs.Tab value="sending" data-testid="survey-tab-sending">
            {t('surveyDesign.sending')}
          </Tabs.Tab>
          <Tabs.Tab value="campaigns" data-testid="survey-tab-campaigns">
            {t('surveyDesign.campaigns')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="templates" pt="md">
          <Stack>
            <Group justify="flex-end">
              <Button data-testid="survey-new" onClick={() => setOpen({ initial: emptySurvey(`srv-${newId()}`), key: newId() })}>
                {t('surveyDesign.new')}
              </Button>
            </Group>
            {open && (
              <Card withBorder>
                <SurveyEditor key={open.key} stored={open.stored} initial={open.initial} onDone={() => setOpen(null)} />
              </Card>
            )}
            <Table striped data-testid="survey-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveyDesign.column.title')}</Table.Th>
                  <Table.Th>{t('surveyDesign.column.version')}</Table.Th>
                  <Table.Th>{t('surveyDesign.column.questions')}</Table.Th>
                  <Table.Th>{t('surveyDesign.column.status')}</Table.Th>
                  <Table.Th>{t('surveyDesign.column.open')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {surveys.map((s) => (
                  <Table.Tr key={s.id} data-testid="survey-row" data-survey-id={s.id}>
                    <Table.Td>{s.title[lang] || s.title.en || s.id}</Table.Td>
                    <Table.Td data-testid="survey-row-version">{s.version}</Table.Td>
                    <Table.Td>{s.questions.length}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={STATUS_COLOR[s.status]} data-testid="survey-row-status">
                        {t(`surveyDesign.status.${s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('surveyDesign.editNamed', { title: s.title[lang] || s.id })}
                        onClick={() => setOpen({ stored: s, initial: s, key: newId() })}
                        data-testid="survey-row-open"
                      >
                        {t('surveyDesign.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sending" pt="md">
          <SendingSettings surveys={surveys} />
        </Tabs.Panel>
        <Tabs.Panel value="campaigns" pt="md">
          <Stack gap="xl">
            <CampaignForm surveys={surveys} onSent={readCampaignsAgain} />
            <CampaignList round={campaignRound} onRefresh={readCampaignsAgain} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
