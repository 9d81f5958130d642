import { Badge, Select, Stack, Textarea } from '@mantine/core';
import type { ChangeOutcome, ChangePhase, Ticket } from '@shared';
import {
  CHANGE_LIMITS,
  CHANGE_OUTCOMES,
  TICKET_TEXT_LIMITS,
  changePhaseOf,
  changeTypeOf,
  nextChangePhases,
  reviewRequired,
} from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { canMoveChangeTo, moveChange, useDb } from '../../data/index.js';
import { PhaseMoves } from '../../ui/PhaseMoves.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines } from '../problems/FormFeedback.js';
import { OUTCOME_COLORS } from './change-colors.js';

const FINAL: readonly ChangePhase[] = ['closed', 'cancelled', 'rejected'];

/**
 * Where the change stands and the moves this user may make next (change.move): ending the implementation asks for
 * its outcome, closing a failed, backed-out or emergency change for its post-implementation review, and a final
 * phase for closing notes, all in the move's one write.
 */
export function ChangePhaseControl({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const phase = changePhaseOf(ticket);
  const type = changeTypeOf(ticket);
  const moves = nextChangePhases(type, phase).filter((to) => canMoveChangeTo(user, ticket, to));
  const [pending, setPending] = useState<ChangePhase | null>(null);
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<ChangeOutcome>(ticket.changeOutcome ?? '');
  const [review, setReview] = useState(ticket.reviewNotes ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const needsDetails = (to: ChangePhase) => to === 'review' || FINAL.includes(to);

  const move = async (to: ChangePhase) => {
    if (needsDetails(to) && pending !== to) {
      setPending(to);
      return;
    }
    const details =
      to === 'review'
        ? { changeOutcome: outcome }
        : to === 'closed'
          ? { resolutionNotes: notes, reviewNotes: review }
          : FINAL.includes(to)
            ? { resolutionNotes: notes }
            : {};
    const violations = await moveChange(db, ticket.id, to, user, details);
    setErrors(violations.map(text));
    if (violations.length === 0) setPending(null);
  };

  return (
    <Stack gap="xs">
      <PhaseMoves
        label={t('changes.phaseLabel')}
        phase={phase}
        phaseName={(p) => t(`changes.phase.${p}`)}
        moves={moves}
        moveLabel={(to) => t('changes.moveToPhase', { phase: t(`changes.phase.${to}`) })}
        movesLabel={t('changes.moveTo')}
        onMove={(to) => void move(to)}
        pending={pending}
        restricted={FINAL.includes(phase) ? null : t('changes.moveRestricted')}
        testPrefix="change"
      >
        <Badge variant="outline" color={type === 'emergency' ? 'red' : 'gray'} data-testid="change-type">
          {t(`changes.type.${type}`)}
        </Badge>
        {ticket.changeOutcome && (
          <Badge variant="outline" color={OUTCOME_COLORS[ticket.changeOutcome]}>
            {t(`changes.outcome.${ticket.changeOutcome}`)}
          </Badge>
        )}
      </PhaseMoves>
      {pending === 'review' && (
        <Select
          label={t('changes.outcomeLabel')}
          data={CHANGE_OUTCOMES.filter((o) => o !== '').map((o) => ({ value: o, label: t(`changes.outcome.${o}`) }))}
          value={outcome || null}
          onChange={(v) => setOutcome(v ?? '')}
          data-testid="change-outcome"
        />
      )}
      {pending === 'closed' && reviewRequired(ticket) && (
        <Textarea
          label={t('changes.reviewNotes')}
          description={t('changes.reviewRequired')}
          value={review}
          onChange={(e) => setReview(e.currentTarget.value)}
          maxLength={CHANGE_LIMITS.reviewNotes}
          autosize
          minRows={3}
          data-testid="change-review-notes"
        />
      )}
      {pending !== null && FINAL.includes(pending) && (
        <Textarea
          label={t('changes.closingNotes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          maxLength={TICKET_TEXT_LIMITS.resolutionNotes}
          autosize
          minRows={2}
          data-testid="change-closing-notes"
        />
      )}
      <ErrorLines errors={errors} />
    </Stack>
  );
}
