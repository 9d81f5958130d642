import { Box, Group, Paper, SegmentedControl, Stack, Switch, Title } from '@mantine/core';
import type { AnswerValue, Language, Survey } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionInput } from '../surveys/QuestionInput.js';

/** PHONE_WIDTH: a common phone's CSS width, where the public survey page is most often answered. */
const PHONE_WIDTH = 375;

/**
 * The template as the customer answers it, with the same question components as the public page and the on-site
 * form, in either language, at a phone's width or the form's. Answers here are not recorded.
 */
export function SurveyPreview({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Language>(i18n.language === 'fr' ? 'fr' : 'en');
  const [phone, setPhone] = useState(true);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>({});
  const tl = i18n.getFixedT(lang);
  return (
    <Stack data-testid="survey-preview">
      <Group>
        <SegmentedControl
          aria-label={t('surveyDesign.previewLanguage')}
          data={[
            { value: 'en', label: t('surveyDesign.languageName.en') },
            { value: 'fr', label: t('surveyDesign.languageName.fr') },
          ]}
          value={lang}
          onChange={(v) => setLang(v === 'fr' ? 'fr' : 'en')}
          data-testid="survey-preview-language"
        />
        <Switch label={t('surveyDesign.phoneWidth')} checked={phone} onChange={(e) => setPhone(e.currentTarget.checked)} />
      </Group>
      <Box maw={phone ? PHONE_WIDTH : undefined} data-testid="survey-preview-frame" lang={lang}>
        <Paper withBorder p="md">
          <Stack>
            <Title order={3}>{survey.title[lang]}</Title>
            {survey.questions.map((q) => (
              <QuestionInput
                key={q.id}
                question={q}
                value={answers[q.id]}
                onChange={(value) => setAnswers((a) => ({ ...a, [q.id]: value }))}
                lang={lang}
                t={tl}
              />
            ))}
          </Stack>
        </Paper>
      </Box>
    </Stack>
  );
}
