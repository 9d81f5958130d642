import { Alert, Group, Loader, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { DAY_MS, DEFAULT_CANDIDATE_SETTINGS, detectProblemCandidates } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canManageProblems, useConfigItems, useDirectory, useDismissedCandidates, useIncidentsSince } from '../../data/index.js';
import { CandidateCard } from './CandidateCard.js';

const MAX_WINDOW_DAYS = 90;
const MAX_MIN_INCIDENTS = 1000;

/**
 * Candidate problems (issue 19, trend analysis): the incidents on this device that cluster, found by the shared
 * detection with N and the window the problem manager sets, dismissed candidates left out until they grow. It runs
 * on local data, so it works offline; what a technician's device holds is what they see.
 */
export function ProblemsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const directory = useDirectory();
  const { items: cis } = useConfigItems();
  const [minIncidents, setMinIncidents] = useState(DEFAULT_CANDIDATE_SETTINGS.minIncidents);
  const [windowDays, setWindowDays] = useState(Math.round(DEFAULT_CANDIDATE_SETTINGS.windowMs / DAY_MS));
  // The window ends when the page opened: a clock read on every render would query the collection again each time.
  const [now] = useState(() => Date.now());
  const windowMs = windowDays * DAY_MS;
  const incidents = useIncidentsSince(now - windowMs);
  const dismissed = useDismissedCandidates();
  const candidates = useMemo(
    () => (incidents ? detectProblemCandidates(incidents, { now, minIncidents, windowMs, dismissed }) : undefined),
    [incidents, now, minIncidents, windowMs, dismissed],
  );
  const byId = useMemo(() => new Map<string, Ticket>((incidents ?? []).map((i) => [i.id, i])), [incidents]);
  const ciNames = useMemo(() => new Map(cis.map((c) => [c.id, c.name])), [cis]);
  const nameOf = (id: string) => ciNames.get(id) ?? directory.byId.get(id)?.name ?? id;
  const canManage = canManageProblems(user);

  return (
    <Stack data-testid="problems-page">
      <Title order={2}>{t('problems.page.title')}</Title>
      <Text size="sm">{t('problems.page.intro')}</Text>
      <Group gap="md" align="flex-end">
        <NumberInput
          label={t('problems.page.minIncidents')}
          value={minIncidents}
          onChange={(v) => setMinIncidents(typeof v === 'number' ? Math.max(2, Math.min(MAX_MIN_INCIDENTS, v)) : 2)}
          min={2}
          max={MAX_MIN_INCIDENTS}
          allowDecimal={false}
          w={140}
          data-testid="problems-min-incidents"
        />
        <NumberInput
          label={t('problems.page.windowDays')}
          value={windowDays}
          onChange={(v) => setWindowDays(typeof v === 'number' ? Math.max(1, Math.min(MAX_WINDOW_DAYS, v)) : 1)}
          min={1}
          max={MAX_WINDOW_DAYS}
          allowDecimal={false}
          w={140}
          data-testid="problems-window-days"
        />
      </Group>
      {!canManage && (
        <Alert color="gray" data-testid="problems-create-restricted">
          {t('problems.page.createRestricted')}
        </Alert>
      )}
      {candidates === undefined && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('problems.page.loading')}</Text>
        </Group>
      )}
      {candidates?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="problems-none">
          {t('problems.page.none')}
        </Text>
      )}
      {candidates?.map((candidate) => (
        <CandidateCard key={candidate.key} candidate={candidate} incidents={byId} nameOf={nameOf} canManage={canManage} />
      ))}
    </Stack>
  );
}
