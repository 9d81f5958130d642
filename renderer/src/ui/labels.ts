import type { Level, PendingReason, Priority, ResolutionCode, Role, TicketEventKind, TicketStatus, TicketType } from '@shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Translated labels of every domain value, written as literal keys so the i18n test can check them. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const status: Record<TicketStatus, string> = {
      new: t('status.new'),
      assigned: t('status.assigned'),
      in_progress: t('status.in_progress'),
      pending: t('status.pending'),
      resolved: t('status.resolved'),
      closed: t('status.closed'),
    };
    const level: Record<Level, string> = { 1: t('level.1'), 2: t('level.2'), 3: t('level.3') };
    const priority: Record<Priority, string> = {
      1: t('priority.1'),
      2: t('priority.2'),
      3: t('priority.3'),
      4: t('priority.4'),
      5: t('priority.5'),
    };
    const pendingReason: Record<PendingReason, string> = {
      '': t('pendingReason.none'),
      customer: t('pendingReason.customer'),
      vendor: t('pendingReason.vendor'),
      change: t('pendingReason.change'),
    };
    const resolutionCode: Record<ResolutionCode, string> = {
      '': t('resolutionCode.none'),
      fixed: t('resolutionCode.fixed'),
      workaround: t('resolutionCode.workaround'),
      no_fault_found: t('resolutionCode.no_fault_found'),
      user_error: t('resolutionCode.user_error'),
      duplicate: t('resolutionCode.duplicate'),
      cancelled: t('resolutionCode.cancelled'),
    };
    const role: Record<Role, string> = {
      agent: t('roles.agent'),
      technician: t('roles.technician'),
      supervisor: t('roles.supervisor'),
      admin: t('roles.admin'),
    };
    const type: Record<TicketType, string> = {
      incident: t('ticketType.incident'),
      request: t('ticketType.request'),
      problem: t('ticketType.problem'),
      change: t('ticketType.change'),
      release: t('ticketType.release'),
      task: t('ticketType.task'),
    };
    const eventKind: Record<TicketEventKind, string> = {
      comment: t('timeline.kind.comment'),
      worklog: t('timeline.kind.worklog'),
      status_change: t('timeline.kind.status_change'),
      assignment: t('timeline.kind.assignment'),
      escalation: t('timeline.kind.escalation'),
      communication: t('timeline.kind.communication'),
      article_link: t('timeline.kind.article_link'),
      review: t('timeline.kind.review'),
      created: t('timeline.kind.created'),
      field_change: t('timeline.kind.field_change'),
      sla_action: t('timeline.kind.sla_action'),
      survey_response: t('timeline.kind.survey_response'),
      approval: t('timeline.kind.approval'),
      reply: t('timeline.kind.reply'),
    };
    return { status, level, priority, pendingReason, resolutionCode, role, type, eventKind };
    // i18n.language: recompute the labels when the language changes.
  }, [t, i18n.language]);
}

export type Labels = ReturnType<typeof useLabels>;
