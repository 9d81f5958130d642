import { Alert, Button, Group, List, Menu, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { QUESTION_TYPES, type Survey } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { newId } from '../../data/doc-utils.js';
import { saveSurvey, useDb } from '../../data/index.js';
import { byField } from '../../ui/violations.js';
import { QuestionEditor } from './QuestionEditor.js';
import { SurveyPreview } from './SurveyPreview.js';
import { forSaving, moveItem, newQuestion, publishGaps } from './survey-draft.js';
import { useSurveyViolationText } from './use-survey-violation-text.js';

const TITLE_MAX = 300;

/**
 * Designs one template: bilingual title and questions side by side, what still keeps it from being published
 * (listed live), a preview as customers see it, and save as draft, publish (a new version when the questions
 * changed: earlier responses keep theirs) or retire.
 */
export function SurveyEditor({ stored, initial, onDone }: { stored?: Survey; initial: Survey; onDone: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useSurveyViolationText();
  const [draft, setDraft] = useState(initial);
  const [refused, setRefused] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  // Fields turn red once publishing was tried; until then the list below says what is missing, calmly.
  const [tried, setTried] = useState(false);
  const gaps = publishGaps(draft);
  const errors = tried ? byField(gaps, text) : {};

  const save = async (status: Survey['status']) => {
    if (status === 'active') setTried(true);
    setSaving(true);
    try {
      const found = await saveSurvey(db, forSaving(draft, stored, status), user);
      setRefused(found.map(text));
      if (found.length === 0) onDone();
    } finally {
      setSaving(false);
    }
  };
  const setQuestion = (i: number, next: Survey['questions'][number]) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? next : q)) }));

  return (
    <Stack data-testid="survey-editor">
      <Title order={3}>
        {stored
          ? t('surveyDesign.editTitle', { title: stored.title.en || stored.id, version: stored.version })
          : t('surveyDesign.newTitle')}
      </Title>
      <Tabs defaultValue="design">
        <Tabs.List>
          <Tabs.Tab value="design">{t('surveyDesign.design')}</Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="survey-tab-preview">
            {t('surveyDesign.preview')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="design" pt="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {(['en', 'fr'] as const).map((lang) => (
                <TextInput
                  key={lang}
                  label={t(`surveyDesign.surveyTitle.${lang}`)}
                  maxLength={TITLE_MAX}
                  value={draft.title[lang]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, title: { ...d.title, [lang]: value } }));
                  }}
                  error={errors[`title.${lang}`]}
                  data-testid={`survey-title-${lang}`}
                />
              ))}
            </SimpleGrid>
            {draft.questions.map((q, i) => (
              <QuestionEditor
                key={q.id}
                question={q}
                index={i}
                count={draft.questions.length}
                errors={errors}
                onChange={(next) => setQuestion(i, next)}
                onMove={(to) => setDraft((d) => ({ ...d, questions: moveItem(d.questions, i, to) }))}
                onRemove={() => setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))}
              />
            ))}
            {
              <Menu>
                <Menu.Target>
                  <Button variant="light" w="fit-content" data-testid="survey-add-question">
                    {t('surveyDesign.addQuestion')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {QUESTION_TYPES.map((type) => (
                    <Menu.Item
                      key={type}
                      data-testid={`survey-add-${type}`}
                      onClick={() => setDraft((d) => ({ ...d, questions: [...d.questions, newQuestion(type, newId)] }))}
                    >
                      {t(`surveyDesign.types.${type}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            }
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <SurveyPreview survey={draft} />
        </Tabs.Panel>
      </Tabs>
      {gaps.length > 0 ? (
        <Alert color="yellow" title={t('surveyDesign.gapsTitle', { count: gaps.length })} data-testid="survey-gaps">
          <List size="sm">
            {gaps.map((g) => (
              <List.Item key={g.field + g.code}>{text(g)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" data-testid="survey-complete">
          {t('surveyDesign.complete')}
        </Text>
      )}
      {refused.length > 0 && (
        <Alert color="red" role="alert" title={t('surveyDesign.notSaved')} data-testid="survey-errors">
          <List size="sm">
            {refused.map((m, i) => (
              <List.Item key={i}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        {stored?.status !== 'active' && (
          <Button variant="default" loading={saving} onClick={() => void save('draft')} data-testid="survey-save-draft">
            {t('surveyDesign.saveDraft')}
          </Button>
        )}
        {
          <Button loading={saving} onClick={() => void save('active')} data-testid="survey-publish">
            {stored?.status === 'active' ? t('surveyDesign.publishNew') : t('surveyDesign.publish')}
          </Button>
        }
        {stored?.status === 'active' && (
          <Button
            variant="subtle"
            color="red.9"
            loading={saving}
            onClick={() => void save('retired')}
            data-testid="survey-retire"
          >
            {t('surveyDesign.retire')}
          </Button>
        )}
        <Button variant="default" onClick={onDone} data-testid="survey-cancel">
          {t('surveyDesign.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
