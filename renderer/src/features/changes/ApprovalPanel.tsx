import { Badge, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ApprovalDecision, Ticket, TicketEvent } from '@shared';
import { EVENT_BODY_MAX, approvalRefusals, changePhaseOf, decisionOpen } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { approvalStateOf, recordApproval, useChangeBoards, useDb } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useViolationText } from '../../ui/violations.js';
import { useDirectoryNames } from '../cmdb/use-directory-names.js';
import { ErrorLines } from '../problems/FormFeedback.js';

/**
 * The change's approval: its board and quorum rule, each member's decision (a decision given before the plan,
 * window or CIs changed is shown as no longer counting), who is still asked, and, for a member who may decide, approve
 * and reject with a comment. Decisions are recorded on the device and count once synced, so an approver on the
 * road decides offline.
 */
export function ApprovalPanel({ ticket, events }: { ticket: Ticket; events: readonly TicketEvent[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const fmt = useFormatters();
  const nameOf = useDirectoryNames();
  const boards = useChangeBoards();
  const state = useMemo(() => approvalStateOf(ticket, events, boards), [ticket, events, boards]);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const phase = changePhaseOf(ticket);
  const members = boards.membersOf(state.boardGroupId);
  const mayDecide = decisionOpen(ticket) && approvalRefusals(user.id, ticket, members, boards.settings).length === 0;
  const mine = state.decisions.find((d) => d.approverId === user.id && d.current);

  const decide = async (decision: ApprovalDecision) => {
    const violations = await recordApproval(db, ticket.id, decision, comment, user);
    setErrors(violations.map(text));
    if (violations.length === 0) setComment('');
  };

  if (ticket.changeType === 'standard') {
    return (
      <Text size="sm" c="dimmed" data-testid="change-approval-standard">
        {t('changes.approval.preApproved')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="change-approval-title" data-testid="change-approval">
      <Group gap="xs">
        <Title order={4} size="h6" id="change-approval-title">
          {t(`changes.approval.board.${state.board}`)}
        </Title>
        <Badge variant="light" color={state.met ? 'green' : state.rejected ? 'red' : 'gray'} data-testid="change-approval-count">
          {t('changes.approval.count', { approvals: state.approvals, required: state.required })}
        </Badge>
        <Text size="sm" c="dimmed">
          {t(`changes.approval.rule.${state.rule}`)}
        </Text>
      </Group>
      {ticket.changeType === 'emergency' && ['implementing', 'review', 'closed'].includes(phase) && !state.met && (
        <Text size="sm" c="red.9" data-testid="change-implemented-before-approval">
          {t('changes.implementedBeforeApproval')}
        </Text>
      )}
      {state.electorate.length === 0 && (
        <Text size="sm" c="red.9" role="alert">
          {t('changes.approval.noMembers')}
        </Text>
      )}
      {state.decisions.length > 0 && (
        <List size="sm" spacing={2}>
          {state.decisions.map((d) => (
            <List.Item key={d.approverId} data-testid="change-decision" data-current={d.current} data-decision={d.decision}>
              {t(`changes.approval.${d.decision}By`, { name: nameOf(d.approverId) ?? d.approverId, when: fmt.dateTime(d.at) })}
              {!d.current && ` — ${t('changes.approval.stale')}`}
              {d.comment && `: « ${d.comment} »`}
            </List.Item>
          ))}
        </List>
      )}
      {decisionOpen(ticket) && state.waitingFor.length > 0 && (
        <Text size="sm" data-testid="change-waiting-for">
          {t('changes.approval.waitingFor', { names: state.waitingFor.map((id) => nameOf(id) ?? id).join(', ') })}
        </Text>
      )}
      {mayDecide && (
        <Stack gap={4}>
          {mine && <Text size="sm">{t(`changes.approval.youDecided.${mine.decision}`)}</Text>}
          <Textarea
            label={t('changes.approval.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            maxLength={EVENT_BODY_MAX}
            autosize
            minRows={2}
            data-testid="change-approval-comment"
          />
          <Group gap="xs">
            <Button size="compact-sm" color="green" onClick={() => void decide('approved')} data-testid="change-approve">
              {t('changes.approval.approve')}
            </Button>
            <Button
              size="compact-sm"
              color="red"
              variant="light"
              onClick={() => void decide('rejected')}
              data-testid="change-reject"
            >
              {t('changes.approval.reject')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorLines errors={errors} />
    </Stack>
  );
}
