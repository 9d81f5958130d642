import { Text } from '@mantine/core';
import type { Ticket, TicketEvent } from '@shared';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { map } from 'rxjs';
import { useDb } from '../../data/provider.js';
import { useObservable } from '../../data/hooks/use-observable.js';
import { useLanguage } from '../../i18n/index.js';
import { formatTarget, queueSlaSummary, type SlaQueueSummary } from './sla-view.js';
import { ticketSla } from './use-ticket-sla.js';
import { stateTextColor } from './sla-colors.js';
import type { SlaSettings } from './use-sla-settings.js';

const MINUTE = 60_000;

/**
 * A queue row's SLA: computed only when the row is in view (the table is virtual), from that ticket's events, and
 * refreshed by its own once-a-minute timer, so a countdown never re-renders the table or other rows.
 */
export const SlaQueueCell = memo(function SlaQueueCell({ ticket, settings }: { ticket: Ticket; settings: SlaSettings }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const db = useDb();
  const events = useObservable(
    () =>
      db.ticket_events
        .find({ selector: { ticketId: ticket.id } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as TicketEvent))),
    [db, ticket.id],
    null as TicketEvent[] | null,
  );
  const [now, setNow] = useState(() => Date.now());
  const summary = useMemo((): SlaQueueSummary | undefined => {
    if (events === null) return undefined;
    const sla = ticketSla(ticket, events, settings, now);
    return sla.status === 'ok' ? queueSlaSummary(sla.result) : undefined;
  }, [ticket, events, settings, now]);
  const ticking = summary?.state === 'running' || summary?.state === 'breached';
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), MINUTE - (Date.now() % MINUTE) + 5);
    return () => clearTimeout(timer);
  }, [ticking, now]);

  if (!summary) return null;
  const states = {
    running: t('sla.state.running'),
    paused: t('sla.state.paused'),
    met: t('sla.state.met'),
    breached: t('sla.state.breached'),
  };
  // Whole minutes, no seconds: the queue counts down once a minute.
  const left = formatTarget(Math.abs(Math.trunc(summary.remainingMs / MINUTE)) * MINUTE, lang);
  const text =
    summary.state === 'met'
      ? states.met
      : summary.remainingMs < 0
        ? t('sla.overdueBy', { duration: left })
        : summary.state === 'paused'
          ? `${states.paused} · ${left}`
          : left;
  return (
    <Text
      size="sm"
      c={summary.color === 'green' ? undefined : stateTextColor(summary.color)}
      fw={summary.state === 'breached' ? 600 : undefined}
      data-testid="queue-sla"
      data-state={summary.state}
      title={states[summary.state]}
    >
      {text}
    </Text>
  );
});
