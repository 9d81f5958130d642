import { Paper, Stack, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { useTranslation } from 'react-i18next';
import { useTicketsByIds } from '../../data/index.js';
import { ReleaseChanges } from './ReleaseChanges.js';
import { ReleaseDeployments } from './ReleaseDeployments.js';
import { ReleaseNotesForm } from './ReleaseNotesForm.js';
import { ReleaseSchedule } from './ReleaseSchedule.js';

/** A release's page beside its ticket fields: the changes it bundles, its windows, deployments and notes. */
export function ReleasePanel({ ticket }: { ticket: Ticket }) {
  // Only a release loads its changes; other tickets render nothing.
  return ticket.type === 'release' ? <ReleasePanelBody release={ticket} /> : null;
}

/** The schedule form starts again from the stored windows once any of them is written (here or pulled). */
const scheduleKey = (release: Ticket): string => {
  const revs = release.fieldRevs ?? {};
  const counts = [revs.plannedStart, revs.plannedEnd, revs.actualStart, revs.actualEnd].map((n) => n ?? 0);
  return `${release.id}:${counts.join(':')}`;
};

function ReleasePanelBody({ release }: { release: Ticket }) {
  const { t } = useTranslation();
  const changes = useTicketsByIds(release.releaseChangeIds ?? []);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="release-title" data-testid="release-panel">
      <Stack gap="md">
        <Title order={3} size="h5" id="release-title">
          {t('releases.panelTitle')}
        </Title>
        <ReleaseChanges release={release} changes={changes} />
        <ReleaseSchedule key={scheduleKey(release)} release={release} />
        <ReleaseDeployments release={release} />
        {/* The notes keep what is being typed (a remount would lose an edit); saving writes what the form holds. */}
        <ReleaseNotesForm release={release} changes={changes} />
      </Stack>
    </Paper>
  );
}
