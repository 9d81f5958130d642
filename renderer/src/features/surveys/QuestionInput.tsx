import { Checkbox, Group, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { SURVEY_TEXT_MAX, scaleOf, type AnswerValue, type Language, type SurveyQuestion } from '@shared';
import type { TFunction } from 'i18next';

interface Props {
  question: SurveyQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  lang: Language;
  t: TFunction;
  error?: string;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * A chosen card is filled (dark blue, white text, heavier border): Mantine's default only tints the border, which a
 * customer holding a tablet at arm's length did not notice.
 */
function cardLook(selected: boolean) {
  return {
    bg: selected ? 'blue.8' : 'white',
    c: selected ? 'white' : undefined,
    bd: selected ? '3px solid var(--mantine-color-blue-9)' : '1px solid var(--mantine-color-gray-4)',
    'data-selected': selected ? 'true' : undefined,
  } as const;
}

/** The two ends of a scale, in words. */
function scaleEnds(type: SurveyQuestion['type'], t: TFunction): [string, string] {
  if (type === 'nps') return [t('feedback.scale.npsLow'), t('feedback.scale.npsHigh')];
  if (type === 'ces') return [t('feedback.scale.cesLow'), t('feedback.scale.cesHigh')];
  return [t('feedback.scale.csatLow'), t('feedback.scale.csatHigh')];
}

/** One question, drawn for its type with large touch targets (at least 56 px). */
export function QuestionInput({ question: q, value, onChange, lang, t, error }: Props) {
  const label = (
    <Text fw={600} size="xl" component="span">
      {q.label[lang]}
      {q.required && (
        <Text span c="red.9" aria-label={t('feedback.requiredMark')}>
          {' *'}
        </Text>
      )}
    </Text>
  );
  const scale = scaleOf(q.type);
  if (scale) {
    const [low, high] = scaleEnds(q.type, t);
    return (
      <Radio.Group
        label={label}
        value={typeof value === 'number' ? String(value) : null}
        onChange={(v) => onChange(Number(v))}
        error={error}
        data-testid={`question-${q.id}`}
      >
        <SimpleGrid cols={{ base: Math.min(6, scale[1] - scale[0] + 1), sm: scale[1] - scale[0] + 1 }} spacing="xs" mt="sm">
          {range(scale[0], scale[1]).map((n) => (
            <Radio.Card
              key={n}
              value={String(n)}
              mih={56}
              p="sm"
              radius="md"
              data-testid={`answer-${q.id}-${n}`}
              {...cardLook(value === n)}
            >
              <Text ta="center" fw={700} size="xl" c="inherit">
                {n}
              </Text>
            </Radio.Card>
          ))}
        </SimpleGrid>
        <Group justify="space-between" mt={4}>
          <Text size="sm">{`${scale[0]} = ${low}`}</Text>
          <Text size="sm">{`${scale[1]} = ${high}`}</Text>
        </Group>
      </Radio.Group>
    );
  }
  if (q.type === 'single') {
    return (
      <Radio.Group
        label={label}
        value={typeof value === 'string' ? value : null}
        onChange={onChange}
        error={error}
        data-testid={`question-${q.id}`}
      >
        <Stack gap="xs" mt="sm">
          {q.options.map((o) => (
            <Radio.Card
              key={o.id}
              value={o.id}
              mih={56}
              p="md"
              radius="md"
              data-testid={`answer-${q.id}-${o.id}`}
              {...cardLook(value === o.id)}
            >
              <Text size="lg" c="inherit">
                {o.label[lang]}
              </Text>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  if (q.type === 'multiple') {
    return (
      <Checkbox.Group
        label={label}
        value={Array.isArray(value) ? value : []}
        onChange={(v) => onChange(v.length > 0 ? v : undefined)}
        error={error}
        data-testid={`question-${q.id}`}
      >
        <Stack gap="xs" mt="sm">
          {q.options.map((o) => (
            <Checkbox.Card
              key={o.id}
              value={o.id}
              mih={56}
              p="md"
              radius="md"
              data-testid={`answer-${q.id}-${o.id}`}
              {...cardLook(Array.isArray(value) && value.includes(o.id))}
            >
              <Text size="lg" c="inherit">
                {o.label[lang]}
              </Text>
            </Checkbox.Card>
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return (
    <Textarea
      label={label}
      size="lg"
      autosize
      minRows={3}
      maxLength={SURVEY_TEXT_MAX}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      error={error}
      data-testid={`question-${q.id}`}
    />
  );
}
