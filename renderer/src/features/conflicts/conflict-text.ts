import type { Level, PendingReason, Priority, ResolutionCode, TicketStatus } from '@shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';

/** A field's name in the UI language. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return useCallback(
    (field: string): string => {
      const names: Record<string, string> = {
        title: t('ticket.title'),
        description: t('ticket.description'),
        status: t('ticket.status'),
        pendingReason: t('ticket.pendingReason'),
        resolutionCode: t('ticket.resolutionCode'),
        resolutionNotes: t('ticket.resolutionNotes'),
        impact: t('ticket.impact'),
        urgency: t('ticket.urgency'),
        priority: t('ticket.priority'),
        assigneeId: t('ticket.assignee'),
        groupId: t('ticket.group'),
        _deleted: t('scope.deletedWhileEdited'),
      };
      return names[field] ?? field;
    },
    [t],
  );
}

/** A stored JSON value as a person reads it: labels for statuses and levels, names for people. */
export function useValueText() {
  const { t } = useTranslation();
  const labels = useLabels();
  const directory = useDirectory();
  return useCallback(
    (field: string, json: string): string => {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        return json;
      }
      // A deletion-versus-edit record: this device's version of the ticket, or the server's deletion.
      if (field === '_deleted') {
        return value === null
          ? t('scope.deletedOnServer')
          : t('scope.yourVersion', { title: (value as { title?: string }).title ?? '' });
      }
      if (value === '' || value === null) return t('conflicts.emptyValue');
      const plain =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
      if (field === 'status') return labels.status[value as TicketStatus] ?? plain;
      if (field === 'impact' || field === 'urgency') return labels.level[value as Level] ?? plain;
      if (field === 'priority') return labels.priority[value as Priority] ?? plain;
      if (field === 'pendingReason') return labels.pendingReason[value as PendingReason] ?? plain;
      if (field === 'resolutionCode') return labels.resolutionCode[value as ResolutionCode] ?? plain;
      if (field === 'assigneeId' || field === 'groupId') return directory.byId.get(plain)?.name ?? plain;
      return plain;
    },
    [t, labels, directory],
  );
}
