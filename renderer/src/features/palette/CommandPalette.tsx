import { Spotlight } from '@mantine/spotlight';
import { pickLanguage, type Ticket } from '@shared';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router-dom';
import { DEFAULT_SORT, EMPTY_FILTER, useArticles, useTicketQueue } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { buildArticleIndex } from '../kb/kb-search.js';
import { EscalateDialog } from '../tickets/EscalateDialog.js';
import { usePaletteActions } from './palette-actions.js';
import { TicketPaletteActions } from './TicketPaletteActions.js';
import { useTagLabel } from '../kb/tag-labels.js';

/**
 * Ctrl/Cmd+K: every screen the user's navigation has, the open ticket's actions, and a jump to any ticket or article
 * by number or text.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  // The new-ticket form matches too; no ticket has the id "new", so it offers no ticket actions.
  const openTicketId = useMatch('/tickets/:id')?.params.id;
  const [escalating, setEscalating] = useState<Ticket | null>(null);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim());
  const actions = usePaletteActions().filter((a) => !q || a.label.toLowerCase().includes(q.toLowerCase()));
  const { articles } = useArticles();
  const tagLabel = useTagLabel();
  const index = useMemo(() => buildArticleIndex(articles, lang, tagLabel), [articles, lang, tagLabel]);
  const articleHits = useMemo(() => {
    if (q.length < 2) return [];
    const byId = new Map(articles.map((a) => [a.id, a]));
    return index
      .search(q)
      .slice(0, 6)
      .map((id) => byId.get(id))
      .filter((a) => a !== undefined);
  }, [q, index, articles]);

  const go = (route: string) => void navigate(route);
  return (
    <>
      <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={480}>
        <Spotlight.Search placeholder={t('palette.placeholder')} aria-label={t('palette.label')} data-testid="palette-search" />
        <Spotlight.ActionsList>
          {openTicketId && <TicketPaletteActions ticketId={openTicketId} query={q} onEscalate={setEscalating} />}
          {actions.length > 0 && (
            <Spotlight.ActionsGroup label={t('palette.actions')}>
              {actions.map((a) => (
                <Spotlight.Action key={a.id} label={a.label} onClick={a.run} data-testid={`palette-action-${a.id}`} />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {q.length >= 2 && <TicketHits text={q} onPick={go} />}
          {articleHits.length > 0 && (
            <Spotlight.ActionsGroup label={t('palette.articles')}>
              {articleHits.map((a) => (
                <Spotlight.Action
                  key={a.id}
                  label={`${a.number} · ${pickLanguage(a.title, lang)}`}
                  onClick={() => go(`/kb/${encodeURIComponent(a.id)}`)}
                  data-testid="palette-article"
                />
              ))}
            </Spotlight.ActionsGroup>
          )}
          {actions.length + articleHits.length === 0 && q.length < 2 && <Spotlight.Empty>{t('palette.empty')}</Spotlight.Empty>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
      {escalating && <EscalateDialog ticket={escalating} opened onClose={() => setEscalating(null)} />}
    </>
  );
}

const NOBODY = { id: '', groupIds: [] };

/** Tickets whose number or title contains the text (queried only once something is typed). */
function TicketHits({ text, onPick }: { text: string; onPick: (route: string) => void }) {
  const { t } = useTranslation();
  const filter = useMemo(() => ({ ...EMPTY_FILTER, text }), [text]);
  const found = useTicketQueue({ queue: 'all', me: NOBODY, filter, sort: DEFAULT_SORT, limit: 8 }).tickets;
  const tickets = useMemo(() => found.slice(), [found]);
  if (tickets.length === 0) return null;
  return (
    <Spotlight.ActionsGroup label={t('palette.tickets')}>
      {tickets.map((tk) => (
        <Spotlight.Action
          key={tk.id}
          label={`${tk.number} · ${tk.title}`}
          onClick={() => onPick(`/tickets/${encodeURIComponent(tk.id)}`)}
          data-testid="palette-ticket"
          data-number={tk.number}
        />
      ))}
    </Spotlight.ActionsGroup>
  );
}
