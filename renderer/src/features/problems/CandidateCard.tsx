import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Collapse,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProblemCandidate, Ticket } from '@shared';
import { TICKET_TEXT_LIMITS } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { createProblemFromCandidate, dismissCandidate, useDb } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { candidateDomId, traitLabel, trendDays } from './candidate-view.js';
import { ErrorLines } from './FormFeedback.js';

/** The candidate's incidents per day as small bars: the trend a problem manager judges it by. */
function Trend({ candidate }: { candidate: ProblemCandidate }) {
  const { t, i18n } = useTranslation();
  const days = trendDays(candidate);
  const top = Math.max(1, ...days.map((d) => d.n));
  const dayText = (at: number, n: number) =>
    t('problems.page.trendDay', { date: new Date(at).toLocaleDateString(i18n.language), n });
  return (
    <Group
      gap={2}
      align="flex-end"
      h={32}
      role="img"
      aria-label={`${t('problems.page.trend')}: ${days.map((d) => dayText(d.at, d.n)).join(', ')}`}
      data-testid="candidate-trend"
    >
      {days.map((d) => (
        <Tooltip key={d.at} label={dayText(d.at, d.n)}>
          <Box w={8} h={Math.max(2, Math.round((d.n / top) * 32))} bg={d.n > 0 ? 'blue.7' : 'gray.3'} />
        </Tooltip>
      ))}
    </Group>
  );
}

/**
 * One candidate problem with its evidence (the shared trait, how many incidents over which days, the trend and the
 * incidents themselves); a problem manager creates the problem from it in one step, linking every incident, or
 * dismisses it (it comes back only if it grows).
 */
export function CandidateCard({
  candidate,
  incidents,
  nameOf,
  canManage,
}: {
  candidate: ProblemCandidate;
  incidents: ReadonlyMap<string, Ticket>;
  nameOf: (id: string) => string;
  canManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const navigate = useNavigate();
  const label = traitLabel(candidate.trait, nameOf);
  const trait = t(label.key, label.values);
  const date = (at: number) => new Date(at).toLocaleDateString(i18n.language);
  const span = { from: date(candidate.firstAt), to: date(candidate.lastAt) };
  const [showIncidents, setShowIncidents] = useState(false);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState(() => t('problems.page.defaultTitle', { trait }).slice(0, TICKET_TEXT_LIMITS.title));
  const [description, setDescription] = useState(() =>
    t('problems.page.defaultDescription', { n: candidate.count, trait, ...span }),
  );
  const [errors, setErrors] = useState<string[]>([]);
  const domId = candidateDomId(candidate.key);

  const create = async () => {
    const result = await createProblemFromCandidate(db, candidate, { title, description }, user);
    const refusals = [...result.violations, ...result.refused.flatMap((r) => r.violations)];
    setErrors(refusals.map(text));
    if (!result.problem) return;
    notifications.show({ message: t('problems.page.created', { number: result.problem.number, n: result.linked }) });
    void navigate(`/tickets/${encodeURIComponent(result.problem.id)}`);
  };

  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={`${domId}-title`}
      data-testid="problem-candidate"
      data-key={candidate.key}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h5" id={`${domId}-title`} data-testid="candidate-trait">
              {trait}
            </Title>
            <Text size="sm">
              <Badge variant="light" mr="xs" data-testid="candidate-count">
                {t('problems.page.count', { n: candidate.count })}
              </Badge>
              {t('problems.page.span', span)}
            </Text>
            {candidate.dismissedAt !== undefined && (
              <Text size="sm" c="orange.9">
                {t('problems.page.grew', { n: candidate.dismissedAt })}
              </Text>
            )}
          </Stack>
          <Trend candidate={candidate} />
        </Group>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setShowIncidents((v) => !v)}
            aria-expanded={showIncidents}
            aria-controls={`${domId}-incidents`}
            data-testid="candidate-evidence"
          >
            {t('problems.page.evidence')}
          </Button>
          {canManage && (
            <>
              <Button size="compact-sm" onClick={() => setCreating(true)} data-testid="candidate-create">
                {t('problems.page.create')}
              </Button>
              <Button
                size="compact-sm"
                variant="light"
                color="gray"
                onClick={() => void dismissCandidate(db, candidate)}
                aria-label={t('problems.page.dismissNamed', { trait })}
                data-testid="candidate-dismiss"
              >
                {t('problems.page.dismiss')}
              </Button>
            </>
          )}
        </Group>
        <Collapse expanded={showIncidents} id={`${domId}-incidents`}>
          <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {candidate.incidentIds.map((id) => {
              const incident = incidents.get(id);
              return (
                <li key={id} data-testid="candidate-incident">
                  <Anchor component={Link} to={`/tickets/${encodeURIComponent(id)}`} size="sm">
                    {incident ? `${incident.number} · ${incident.title}` : id}
                  </Anchor>
                  {incident && (
                    <Text span size="xs" c="dimmed" ml="xs">
                      {date(incident.createdAt)}
                    </Text>
                  )}
                </li>
              );
            })}
          </Stack>
        </Collapse>
        {creating && (
          <Stack
            gap="xs"
            component="form"
            aria-label={t('problems.page.createTitle')}
            data-testid="candidate-create-form"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <TextInput
              label={t('problems.page.problemTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={TICKET_TEXT_LIMITS.title}
              required
              data-testid="candidate-problem-title"
            />
            <Textarea
              label={t('problems.page.problemDescription')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              maxLength={TICKET_TEXT_LIMITS.description}
              autosize
              minRows={2}
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="subtle" onClick={() => setCreating(false)}>
                {t('problems.cancel')}
              </Button>
              <Button size="xs" type="submit" data-testid="candidate-create-submit">
                {t('problems.page.createSubmit', { n: candidate.count })}
              </Button>
            </Group>
            <ErrorLines errors={errors} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
