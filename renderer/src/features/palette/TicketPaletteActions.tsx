import { Spotlight } from '@mantine/spotlight';
import { notifications } from '@mantine/notifications';
import type { Ticket } from '@shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { assignToMe, useDb, useTicket } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ticketPaletteActions, type TicketPaletteActionId } from './ticket-palette-actions.js';

/** Past the moment the closing palette hands focus back (Mantine's useFocusReturn waits 10 ms), with room to spare. */
const AFTER_CLOSE_MS = 150;

/**
 * Runs once the palette has closed: it gives focus back to the element it came from, which would undo a focus given
 * any sooner.
 */
function afterClose(run: () => void) {
  window.setTimeout(run, AFTER_CLOSE_MS);
}

/** Brings one of the ticket page's own controls into view and focuses (or opens) it. */
function onPage(selector: string, open = false) {
  return () =>
    afterClose(() => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      if (open) el.click();
      else el.focus();
    });
}

const LABEL_KEYS: Record<TicketPaletteActionId, string> = {
  'assign-me': 'palette.assignMe',
  escalate: 'palette.escalate',
  resolve: 'palette.resolve',
  'link-article': 'palette.linkArticle',
  'link-problem': 'palette.linkProblem',
};

/**
 * The open ticket's actions (route /tickets/:id), through the ticket page's own commands and controls: assigning runs
 * the page's `assignToMe`, escalating opens the page's EscalateDialog (`onEscalate`), and resolving or linking opens
 * the page's status field, suggested articles or known-error search, where the page's own checks and messages apply.
 */
export function TicketPaletteActions({
  ticketId,
  query,
  onEscalate,
}: {
  ticketId: string;
  query: string;
  onEscalate: (ticket: Ticket) => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const ticket = useTicket(ticketId);
  const openStatus = onPage('[data-testid="field-status"]', true);
  // The article search of the ticket: any article can be found and linked from there.
  const openArticles = onPage('[data-testid="suggested-articles"] [data-testid="article-search"]');
  const openKnownErrors = onPage('[data-testid="known-error-search"]');
  if (!ticket) return null;

  const assign = async (tk: Ticket) => {
    const violations = await assignToMe(db, tk.id, user);
    notifications.show(
      violations.length === 0
        ? { color: 'green', message: t('palette.assigned', { number: tk.number }) }
        : { color: 'red', message: violations.map(text).join(' ') },
    );
  };
  const runs: Record<TicketPaletteActionId, () => void> = {
    'assign-me': () => void assign(ticket),
    escalate: () => afterClose(() => onEscalate(ticket)),
    resolve: openStatus,
    'link-article': openArticles,
    'link-problem': openKnownErrors,
  };
  const shown = ticketPaletteActions(user, ticket)
    .map((id) => ({ id, label: t(LABEL_KEYS[id]) }))
    .filter((a) => !query || a.label.toLowerCase().includes(query.toLowerCase()));
  if (shown.length === 0) return null;
  return (
    <Spotlight.ActionsGroup label={t('palette.ticketActions', { number: ticket.number })}>
      {shown.map((a) => (
        <Spotlight.Action key={a.id} label={a.label} onClick={runs[a.id]} data-testid={`palette-ticket-action-${a.id}`} />
      ))}
    </Spotlight.ActionsGroup>
  );
}
