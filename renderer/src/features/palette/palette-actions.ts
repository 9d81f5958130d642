import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CREATE_TICKET_ROUTE } from '../../app/routes.js';
import { NAMED_QUEUES } from '../../data/index.js';

export interface PaletteAction {
  id: string;
  label: string;
  run: () => void;
}

/** The console's navigation and creation actions, for the command palette. */
export function usePaletteActions(): PaletteAction[] {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
    { id: 'queue', label: t('palette.goQueue'), run: go('/tickets') },
    { id: 'kb', label: t('palette.goKb'), run: go('/kb') },
    { id: 'cmdb', label: t('palette.goCmdb'), run: go('/cmdb') },
    { id: 'conflicts', label: t('palette.goConflicts'), run: go('/conflicts') },
    ...NAMED_QUEUES.map((q) => ({
      id: `queue-${q}`,
      label: t('palette.queue', { name: queueName[q] }),
      run: go(`/tickets?queue=${q}`),
    })),
  ];
}
