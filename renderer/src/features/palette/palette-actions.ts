import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { CREATE_TICKET_ROUTE } from '../../app/routes.js';
import { NAMED_QUEUES } from '../../data/index.js';
import { screensFor } from '../../app/screens.js';

export interface PaletteAction {
  id: string;
  label: string;
  run: () => void;
}

/** Every screen the navigation shows this user, then creation and the named queues, for the command palette. */
export function usePaletteActions(): PaletteAction[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const go = (route: string) => () => void navigate(route);
  const queueName: Record<string, string> = {
    all: t('queues.all'),
    mine: t('queues.mine'),
    groups: t('queues.groups'),
    unassigned: t('queues.unassigned'),
    escalated: t('queues.escalated'),
    major: t('queues.major'),
    open: t('queues.open'),
  };
  return [
    { id: 'create', label: t('palette.create'), run: go(CREATE_TICKET_ROUTE) },
    ...screensFor(user).map((s) => ({ id: s.id, label: t(s.labelKey), run: go(s.route) })),
    ...NAMED_QUEUES.map((q) => ({
      id: `queue-${q}`,
      label: t('palette.queue', { name: queueName[q] }),
      run: go(`/tickets?queue=${q}`),
    })),
  ];
}
