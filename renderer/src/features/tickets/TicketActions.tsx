import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RuleViolation, Ticket } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { assignToMe, flagToSupervisor, setMajor, setWatcher, useDb } from '../../data/index.js';
import { DeclareMajorDialog } from '../major/DeclareMajorDialog.js';
import { canCollectFeedback } from '../surveys/feedback-rules.js';
import { EscalateDialog } from './EscalateDialog.js';

/** Badges for a ticket's restricted visibility (security incident) and escalation state: major, tier, supervisor flag. */
export function TicketBadges({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <>
      {ticket.security && (
        <Badge color="dark" size="sm" title={t('security.badgeHint')} data-testid="badge-security">
          {t('security.badge')}
        </Badge>
      )}
      {ticket.major && (
        <Badge color="red" size="sm" data-testid="badge-major">
          {t('actions.majorBadge')}
        </Badge>
      )}
      {ticket.escalationTier && ticket.escalationTier > 1 && (
        <Badge color="orange" size="sm" variant="light" data-testid="badge-tier">
          {t('actions.tierBadge', { n: ticket.escalationTier })}
        </Badge>
      )}
      {ticket.escalatedToSupervisor && (
        <Badge color="grape" size="sm" variant="light" data-testid="badge-supervisor">
          {t('actions.supervisorBadge')}
        </Badge>
      )}
    </>
  );
}

/** One-click ticket actions, each recorded in the history. */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const [escalating, setEscalating] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const watching = (ticket.watcherIds ?? []).includes(user.id);
  const navigate = useNavigate();

  const run = async (action: () => Promise<RuleViolation[]>) => {
    const violations = await action();
    notifications.show(
      violations.length === 0
        ? { color: 'green', message: t('actions.done') }
        : { color: 'red', message: violations.map((v) => violationText(t, v)).join(' ') },
    );
  };

  return (
    <Group gap="xs" data-testid="ticket-actions">
      <Button
        size="xs"
        onClick={() => void run(() => assignToMe(db, ticket.id, user))}
        disabled={ticket.assigneeId === user.id}
        data-testid="action-assign-me"
      >
        {t('actions.assignMe')}
      </Button>
      <Button size="xs" variant="light" color="orange" onClick={() => setEscalating(true)} data-testid="action-escalate">
        {t('actions.escalate')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="grape"
        onClick={() => void run(() => flagToSupervisor(db, ticket.id, !ticket.escalatedToSupervisor, '', user))}
        data-testid="action-supervisor"
      >
        {ticket.escalatedToSupervisor ? t('actions.unflagSupervisor') : t('actions.supervisor')}
      </Button>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={() =>
          // Declaring asks for a reason first; standing down stays one click.
          ticket.major ? void run(() => setMajor(db, ticket.id, false, user.id, user)) : setDeclaring(true)
        }
        data-testid="action-major"
      >
        {ticket.major ? t('actions.unmajor') : t('actions.major')}
      </Button>
      <Button
        size="xs"
        variant="default"
        onClick={() => void run(() => setWatcher(db, ticket.id, user.id, !watching, user))}
        data-testid="action-watch"
      >
        {watching ? t('actions.unwatch') : t('actions.watch')}
      </Button>
      {canCollectFeedback(ticket) && (
        <Button
          size="xs"
          variant="light"
          color="teal"
          onClick={() => navigate(`/tickets/${ticket.id}/feedback`)}
          data-testid="action-feedback"
        >
          {t('actions.feedback')}
        </Button>
      )}
      {escalating && <EscalateDialog ticket={ticket} opened onClose={() => setEscalating(false)} />}
      {declaring && <DeclareMajorDialog ticket={ticket} onClose={() => setDeclaring(false)} />}
    </Group>
  );
}
