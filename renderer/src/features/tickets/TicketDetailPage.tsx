import { Anchor, Center, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useTicket, useTicketEvents } from '../../data/index.js';
import { MajorIncidentPanel } from '../major/MajorIncidentPanel.js';
import { KnownErrorSuggestions } from '../problems/KnownErrorSuggestions.js';
import { ProblemPanel } from '../problems/ProblemPanel.js';
import { CausingChangeSuggestions } from '../changes/CausingChangeSuggestions.js';
import { ChangePanel } from '../changes/ChangePanel.js';
import { ChangeTaskPanel } from '../changes/ChangeTaskPanel.js';
import { FixingChanges } from '../changes/FixingChanges.js';
import { ReleasePanel } from '../releases/ReleasePanel.js';
import { SlaPanel } from '../sla/SlaPanel.js';
import { EventForms } from './EventForms.js';
import { PresenceAvatars, TicketPresenceProvider } from './presence.js';
import { Timeline } from './Timeline.js';
import { SuggestedArticles } from './SuggestedArticles.js';
import { TicketEditor } from './TicketEditor.js';

/** One ticket: the editable fields on the left, its history and the worklog / comment forms on the right. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  const events = useTicketEvents(id);

  if (ticket === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (ticket === null) {
    return (
      <Stack>
        <Text data-testid="ticket-not-found">{t('ticket.notFound')}</Text>
        <Anchor component={Link} to="/tickets">
          {t('ticket.backToQueue')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <TicketPresenceProvider ticketId={ticket.id}>
      <Stack data-testid="ticket-detail" data-ticket-id={ticket.id} gap="md">
        <Group justify="space-between">
          <Anchor component={Link} to="/tickets" size="sm">
            ← {t('ticket.backToQueue')}
          </Anchor>
          <PresenceAvatars />
        </Group>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <TicketEditor key={ticket.id} ticket={ticket} eventIds={events.map((e) => e.id)} />
              {/* Under the fields, not in the narrow column: a problem's analysis is long, its two languages side by side. */}
              <ProblemPanel key={ticket.id} ticket={ticket} />
              <ChangePanel key={`change:${ticket.id}`} ticket={ticket} events={events} />
              <ChangeTaskPanel key={`task:${ticket.id}`} ticket={ticket} />
              <ReleasePanel key={`release:${ticket.id}`} ticket={ticket} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <SlaPanel ticket={ticket} events={events} />
              <MajorIncidentPanel ticket={ticket} events={events} />
              <SuggestedArticles ticket={ticket} />
              <KnownErrorSuggestions key={ticket.id} ticket={ticket} />
              <CausingChangeSuggestions ticket={ticket} />
              <FixingChanges ticket={ticket} />
              <EventForms ticketId={ticket.id} />
              <Timeline events={events} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </TicketPresenceProvider>
  );
}
