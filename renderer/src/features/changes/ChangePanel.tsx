import { Paper, Stack, Title } from '@mantine/core';
import type { Ticket, TicketEvent } from '@shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from './ApprovalPanel.js';
import { ChangePhaseControl } from './ChangePhaseControl.js';
import { ChangePlanForm } from './ChangePlanForm.js';
import { ChangeTasks } from './ChangeTasks.js';
import { ChangeFixes } from './ChangeFixes.js';
import { CollisionList } from './CollisionList.js';
import { useChangeCalendar } from './use-change-calendar.js';

/** A change's page beside its ticket fields: phase, plan and risk, collisions on the calendar, approval and tasks. */
export function ChangePanel({ ticket, events }: { ticket: Ticket; events: readonly TicketEvent[] }) {
  // Only a change reads the calendar and the CMDB graph; other tickets render nothing and load nothing.
  return ticket.type === 'change' ? <ChangePanelBody ticket={ticket} events={events} /> : null;
}

function ChangePanelBody({ ticket, events }: { ticket: Ticket; events: readonly TicketEvent[] }) {
  const { t } = useTranslation();
  const calendar = useChangeCalendar();
  const collisions = useMemo(() => calendar.collisionsOf(ticket), [calendar, ticket]);
  return (
    <Paper withBorder p="md" data-testid="change-panel">
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('changes.panelTitle')}
        </Title>
        <ChangePhaseControl ticket={ticket} />
        <CollisionList collisions={collisions} byId={calendar.byId} windows={calendar.windows} />
        <ApprovalPanel ticket={ticket} events={events} />
        <ChangePlanForm
          key={`${ticket.id}:${ticket.fieldRevs?.changePlan ?? 0}:${ticket.fieldRevs?.plannedStart ?? 0}`}
          ticket={ticket}
        />
        <ChangeFixes ticket={ticket} />
        <ChangeTasks ticket={ticket} />
      </Stack>
    </Paper>
  );
}
