import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { QUESTION_TYPES, type SurveyQuestion } from '@shared';
import { useTranslation } from 'react-i18next';
import { newId } from '../../data/doc-utils.js';
import { withType } from './survey-draft.js';

const LABEL_MAX = 500;
const OPTION_MAX = 200;

/**
 * One question of a template: type, required, wording in English and French side by side, its choices, and
 * moving or removing it. `errors` holds the translated rule messages by field (`questions.<i>.label.fr`…).
 */
export function QuestionEditor({
  question: q,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  question: SurveyQuestion;
  index: number;
  count: number;
  errors: Partial<Record<string, string>>;
  onChange: (next: SurveyQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = (rest: string) => errors[`questions.${index}.${rest}`];
  const n = index + 1;
  const setOption = (j: number, lang: 'en' | 'fr', value: string) =>
    onChange({ ...q, options: q.options.map((o, k) => (k === j ? { ...o, label: { ...o.label, [lang]: value } } : o)) });
  return (
    <Card withBorder data-testid="survey-question" data-question-id={q.id}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('surveyDesign.questionN', { n })}</Text>
          {
            <Group gap={4}>
              <ActionIcon
                variant="default"
                disabled={index === 0}
                onClick={() => onMove(index - 1)}
                aria-label={t('surveyDesign.moveUp', { n })}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                disabled={index === count - 1}
                onClick={() => onMove(index + 1)}
                aria-label={t('surveyDesign.moveDown', { n })}
              >
                ↓
              </ActionIcon>
              <Button size="xs" variant="subtle" color="red.9" onClick={onRemove} data-testid="survey-question-remove">
                {t('surveyDesign.removeQuestion')}
              </Button>
            </Group>
          }
        </Group>
        <Group grow align="flex-end">
          <Select
            label={t('surveyDesign.type')}
            data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveyDesign.types.${type}`) }))}
            value={q.type}
            onChange={(v) => v && onChange(withType(q, v, newId))}
            allowDeselect={false}
            data-testid="survey-question-type"
          />
          <Switch
            label={t('surveyDesign.required')}
            checked={q.required}
            onChange={(e) => onChange({ ...q, required: e.currentTarget.checked })}
            data-testid="survey-question-required"
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(['en', 'fr'] as const).map((lang) => (
            <TextInput
              key={lang}
              label={t(`surveyDesign.wording.${lang}`)}
              maxLength={LABEL_MAX}
              value={q.label[lang]}
              onChange={(e) => onChange({ ...q, label: { ...q.label, [lang]: e.currentTarget.value } })}
              error={field(`label.${lang}`)}
              data-testid={`survey-question-label-${lang}`}
            />
          ))}
        </SimpleGrid>
        {(q.type === 'single' || q.type === 'multiple') && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('surveyDesign.choices')}
            </Text>
            {q.options.map((o, j) => (
              <Group key={o.id} grow align="flex-start" wrap="nowrap">
                {(['en', 'fr'] as const).map((lang) => (
                  <TextInput
                    key={lang}
                    aria-label={t(`surveyDesign.choiceWording.${lang}`, { n: j + 1 })}
                    placeholder={t(`surveyDesign.choiceWording.${lang}`, { n: j + 1 })}
                    maxLength={OPTION_MAX}
                    value={o.label[lang]}
                    onChange={(e) => setOption(j, lang, e.currentTarget.value)}
                    error={field(`options.${j}.label.${lang}`)}
                    data-testid={`survey-choice-${lang}`}
                  />
                ))}
                {
                  <Button
                    variant="subtle"
                    size="xs"
                    style={{ flexGrow: 0 }}
                    onClick={() => onChange({ ...q, options: q.options.filter((_, k) => k !== j) })}
                    aria-label={t('surveyDesign.removeChoice', { n: j + 1 })}
                  >
                    ✕
                  </Button>
                }
              </Group>
            ))}
            {field('options') && (
              <Text size="sm" c="red.9">
                {field('options')}
              </Text>
            )}
            {
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                onClick={() => onChange({ ...q, options: [...q.options, { id: `o-${newId()}`, label: { en: '', fr: '' } }] })}
                data-testid="survey-choice-add"
              >
                {t('surveyDesign.addChoice')}
              </Button>
            }
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
