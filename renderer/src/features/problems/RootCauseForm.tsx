import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { RootCause, RootCauseTimelineEntry, Ticket } from '@shared';
import { PROBLEM_LIMITS } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { recordRootCause, useDb } from '../../data/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines, SavedMark } from './FormFeedback.js';

const EMPTY: RootCause = { timeline: [], whys: [''], contributingFactors: [''], statement: '', fixChangeId: '' };

/** A time as a datetime-local input shows it (the device's time zone), and back. */
const pad = (n: number) => String(n).padStart(2, '0');
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string, fallback: number) => {
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : fallback;
};

/** A list of one-line entries (the whys, the contributing factors) with add and remove. */
function LineList({
  label,
  values,
  max,
  onChange,
  testId,
}: {
  label: (i: number) => string;
  values: string[];
  max: number;
  onChange: (values: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {values.map((value, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-end">
          <TextInput
            label={label(i)}
            value={value}
            onChange={(e) => onChange(values.map((v, j) => (j === i ? e.currentTarget.value : v)))}
            maxLength={PROBLEM_LIMITS.line}
            style={{ flex: 1 }}
            data-testid={`${testId}-${i}`}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('problems.removeNamed', { what: label(i) })}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {values.length < max && (
        <Button size="compact-xs" variant="subtle" onClick={() => onChange([...values, ''])} data-testid={`${testId}-add`}>
          {t('problems.add')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The root-cause analysis in its structure (issue 19): the timeline, the 5-whys chain, the contributing factors and
 * the statement. Anyone who may edit the problem records it; only a phase move needs a problem manager.
 */
export function RootCauseForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const stored = ticket.rootCause;
  const [draft, setDraft] = useState<RootCause>(() =>
    stored
      ? {
          ...stored,
          whys: stored.whys.length ? [...stored.whys] : [''],
          contributingFactors: stored.contributingFactors.length ? [...stored.contributingFactors] : [''],
        }
      : EMPTY,
  );
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const update = (patch: Partial<RootCause>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const setEntry = (i: number, entry: Partial<RootCauseTimelineEntry>) =>
    update({ timeline: draft.timeline.map((e, j) => (j === i ? { ...e, ...entry } : e)) });

  const save = async () => {
    const violations = await recordRootCause(db, ticket.id, draft, user);
    setErrors(violations.map(text));
    setSaved(violations.length === 0);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-rca-title" data-testid="problem-root-cause">
      <Title order={4} size="h6" id="problem-rca-title">
        {t('problems.rootCause')}
      </Title>
      <Text size="sm" fw={500}>
        {t('problems.timeline')}
      </Text>
      {draft.timeline.map((entry, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-end">
          <TextInput
            type="datetime-local"
            label={t('problems.timelineAt', { n: i + 1 })}
            value={toLocalInput(entry.at)}
            onChange={(e) => setEntry(i, { at: fromLocalInput(e.currentTarget.value, entry.at) })}
          />
          <TextInput
            label={t('problems.timelineText', { n: i + 1 })}
            value={entry.text}
            onChange={(e) => setEntry(i, { text: e.currentTarget.value })}
            maxLength={PROBLEM_LIMITS.line}
            style={{ flex: 1 }}
            data-testid={`problem-timeline-${i}`}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('problems.removeNamed', { what: t('problems.timelineText', { n: i + 1 }) })}
            onClick={() => update({ timeline: draft.timeline.filter((_, j) => j !== i) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {draft.timeline.length < PROBLEM_LIMITS.timelineEntries && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => update({ timeline: [...draft.timeline, { at: Date.now(), text: '' }] })}
          data-testid="problem-timeline-add"
        >
          {t('problems.add')}
        </Button>
      )}
      <LineList
        label={(i) => t('problems.why', { n: i + 1 })}
        values={draft.whys}
        max={PROBLEM_LIMITS.whys}
        onChange={(whys) => update({ whys })}
        testId="problem-why"
      />
      <LineList
        label={(i) => t('problems.factor', { n: i + 1 })}
        values={draft.contributingFactors}
        max={PROBLEM_LIMITS.contributingFactors}
        onChange={(contributingFactors) => update({ contributingFactors })}
        testId="problem-factor"
      />
      <Textarea
        label={t('problems.statement')}
        value={draft.statement}
        onChange={(e) => update({ statement: e.currentTarget.value })}
        autosize
        minRows={2}
        maxLength={PROBLEM_LIMITS.statement}
        data-testid="problem-statement"
      />
      <Group justify="flex-end" gap="xs">
        <SavedMark saved={saved} />
        <Button size="xs" onClick={() => void save()} data-testid="problem-root-cause-save">
          {t('problems.saveRootCause')}
        </Button>
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}
