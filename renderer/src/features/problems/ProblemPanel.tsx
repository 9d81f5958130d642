import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ProblemPhase, ResolutionCode, Ticket } from '@shared';
import { PROBLEM_LIMITS, RESOLUTION_CODES, TICKET_TEXT_LIMITS, nextPhases, problemPhaseOf } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LinkByNumber } from '../tickets/LinkByNumber.js';
import { useCurrentUser } from '../../app/session-context.js';
import {
  canMoveProblem,
  linkIncidentByNumber,
  linkIncidents,
  moveProblemPhase,
  openIncidentsOf,
  recordWorkaround,
  resolveProblemWithIncidents,
  useDb,
  useLinkedIncidents,
  useTicket,
} from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';
import { PhaseMoves } from '../../ui/PhaseMoves.js';
import { useViolationText } from '../../ui/violations.js';
import { KnownErrorForm } from './KnownErrorForm.js';
import { RootCauseForm } from './RootCauseForm.js';
import { ErrorLines, SavedMark } from './FormFeedback.js';

/** Where the problem stands, and the phases a problem manager may move it to next (resolving takes its resolution). */
function PhaseControl({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const phase = problemPhaseOf(ticket);
  const allowed = canMoveProblem(user, ticket);
  const [resolving, setResolving] = useState(false);
  const [code, setCode] = useState<ResolutionCode>('fixed');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const openIncidents = openIncidentsOf(useLinkedIncidents(ticket.id));
  // Every open incident is offered checked: the fix that resolves the problem resolves what it caused.
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const chosen = openIncidents.filter((i) => !skipped.has(i.id)).map((i) => i.id);

  const move = async (to: ProblemPhase) => {
    if (to === 'resolved' && !resolving) return setResolving(true);
    if (to === 'resolved') {
      const resolution = { resolutionCode: code, resolutionNotes: notes };
      const result = await resolveProblemWithIncidents(db, ticket.id, resolution, chosen, user);
      const violations = [...result.violations, ...result.refused.flatMap((r) => r.violations)];
      setErrors(violations.map(text));
      if (result.violations.length === 0) setResolving(false);
      return;
    }
    const violations = await moveProblemPhase(db, ticket.id, to, user);
    setErrors(violations.map(text));
  };

  return (
    <Stack gap="xs">
      <PhaseMoves
        label={t('problems.phaseLabel')}
        phase={phase}
        phaseName={(p) => t(`problems.phase.${p}`)}
        moves={allowed ? nextPhases(phase) : []}
        moveLabel={(to) => t('problems.moveToPhase', { phase: t(`problems.phase.${to}`) })}
        movesLabel={t('problems.moveTo')}
        onMove={(to) => void move(to)}
        pending={resolving ? 'resolved' : null}
        restricted={phase === 'closed' ? null : t('problems.moveRestricted')}
        testPrefix="problem"
      />
      {resolving && (
        <Stack gap="xs" data-testid="problem-resolve-form">
          <Select
            label={t('ticket.resolutionCode')}
            data={RESOLUTION_CODES.filter((c) => c !== '').map((c) => ({ value: c, label: labels.resolutionCode[c] }))}
            value={code}
            onChange={(v) => setCode(v ?? 'fixed')}
            allowDeselect={false}
          />
          <Textarea
            label={t('ticket.resolutionNotes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            maxLength={TICKET_TEXT_LIMITS.resolutionNotes}
            autosize
            minRows={2}
            data-testid="problem-resolution-notes"
          />
          {openIncidents.length > 0 && (
            <Checkbox.Group
              label={t('problems.alsoResolve')}
              value={chosen}
              onChange={(ids) => setSkipped(new Set(openIncidents.filter((i) => !ids.includes(i.id)).map((i) => i.id)))}
            >
              <Stack gap={4} mt={4}>
                {openIncidents.map((i) => (
                  <Checkbox key={i.id} value={i.id} label={`${i.number} · ${i.title}`} data-testid="problem-resolve-incident" />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="subtle" onClick={() => setResolving(false)}>
              {t('problems.cancel')}
            </Button>
            <Button size="xs" onClick={() => void move('resolved')} data-testid="problem-resolve">
              {chosen.length > 0 ? t('problems.resolveWith', { n: chosen.length }) : t('problems.resolve')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorLines errors={errors} />
    </Stack>
  );
}

/** The analysts' workaround, written before it is published in the known error. */
function WorkaroundForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [value, setValue] = useState(ticket.workaround ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    const violations = await recordWorkaround(db, ticket.id, value, user);
    setErrors(violations.map(text));
    setSaved(violations.length === 0);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-workaround-title">
      <Title order={4} size="h6" id="problem-workaround-title">
        {t('problems.workaround')}
      </Title>
      <Textarea
        aria-labelledby="problem-workaround-title"
        value={value}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          setSaved(false);
        }}
        autosize
        minRows={2}
        maxLength={PROBLEM_LIMITS.workaround}
        data-testid="problem-workaround"
      />
      <Group justify="flex-end" gap="xs">
        <SavedMark saved={saved} />
        <Button size="xs" variant="light" onClick={() => void save()} data-testid="problem-workaround-save">
          {t('problems.saveWorkaround')}
        </Button>
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}

/** The incidents linked to the problem: link one by number, unlink. */
function LinkedIncidents({ problem }: { problem: Ticket }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const incidents = useLinkedIncidents(problem.id);
  const link = async (number: string): Promise<string | undefined> => {
    const violations = await linkIncidentByNumber(db, problem.id, number, user);
    if (violations.length === 0) return undefined;
    return violations[0].code === 'not_found' ? t('problems.notFound', { number }) : text(violations[0]);
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-incidents-title">
      <Title order={4} size="h6" id="problem-incidents-title">
        {t('problems.incidents', { n: incidents.length })}
      </Title>
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {incidents.map((i) => (
          <Group
            key={i.id}
            justify="space-between"
            wrap="nowrap"
            component="li"
            data-testid="problem-incident"
            data-ticket-id={i.id}
          >
            <Anchor component={Link} to={`/tickets/${encodeURIComponent(i.id)}`} size="sm" lineClamp={1}>
              {i.number} · {i.title}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <Badge size="sm" variant="light">
                {labels.status[i.status]}
              </Badge>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => void linkIncidents(db, '', [i.id], user)}
                aria-label={t('problems.unlinkNamed', { number: i.number })}
              >
                {t('problems.unlink')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <LinkByNumber prefix="problem-link" label={t('problems.linkNumber')} action={t('problems.link')} onLink={link} />
    </Stack>
  );
}

/** An incident's link to its problem. */
function LinkedProblem({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const problem = useTicket(problemId);
  return (
    <Paper withBorder p="sm" data-testid="incident-problem">
      <Text size="sm">
        {t('problems.linkedTo')}{' '}
        <Anchor component={Link} to={`/tickets/${encodeURIComponent(problemId)}`}>
          {problem ? `${problem.number} · ${problem.title}` : problemId}
        </Anchor>
        {problem && (
          <Badge ml="xs" size="sm" variant="light">
            {t(`problems.phase.${problemPhaseOf(problem)}`)}
          </Badge>
        )}
      </Text>
    </Paper>
  );
}

/**
 * The problem workspace of a ticket (issue 19): its phase and the moves a problem manager may make, the root-cause
 * analysis, the workaround, the known error and the linked incidents. On an incident, the problem it is linked to.
 */
export function ProblemPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  if (ticket.type !== 'problem') {
    return ticket.type === 'incident' && ticket.problemId ? <LinkedProblem problemId={ticket.problemId} /> : null;
  }
  const statement = ticket.rootCause?.statement ?? '';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="problem-title" data-testid="problem-panel">
      <Stack gap="md">
        <Title order={3} size="h5" id="problem-title">
          {t('problems.title')}
        </Title>
        <PhaseControl ticket={ticket} />
        {(ticket.resolvedByProblemCount ?? 0) > 0 && (
          <Text size="sm" data-testid="problem-resolved-count">
            {t('problems.resolvedCount', { n: ticket.resolvedByProblemCount })}
          </Text>
        )}
        {statement && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="problem-statement-view">
            <Text span fw={600}>
              {t('problems.statement')}:
            </Text>{' '}
            {statement}
          </Text>
        )}
        {/* The forms start from the stored values and keep what is being typed (a remount would lose it); a change
            pulled meanwhile shows in the phase and the statement above, and saving writes what the form holds. */}
        <RootCauseForm ticket={ticket} />
        <WorkaroundForm ticket={ticket} />
        <KnownErrorForm ticket={ticket} />
        <LinkedIncidents problem={ticket} />
      </Stack>
    </Paper>
  );
}
