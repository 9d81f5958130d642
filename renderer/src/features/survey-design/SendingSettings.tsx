import { Alert, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { Survey, SurveySettings } from '@shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveySettings } from '../../data/index.js';

/**
 * How surveys go out on resolution: which survey, the share of resolved tickets sampled, at most one survey per
 * contact within a number of days, how long a link works, and the scores that open a low-score follow-up. Read from
 * and saved to the server (online), which checks every value again.
 */
export function SendingSettings({ surveys }: { surveys: readonly Survey[] }) {
  const { t, i18n } = useTranslation();
  const { settings, error, save } = useSurveySettings();
  const [form, setForm] = useState<SurveySettings | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => setForm(settings), [settings]);
  if (error)
    return (
      <Alert color="yellow" data-testid="survey-settings-unavailable">
        {t('surveyDesign.settingsUnavailable', { message: error })}
      </Alert>
    );
  if (!form) return <Text>{t('surveyDesign.loading')}</Text>;
  const set = <K extends keyof SurveySettings>(key: K, value: SurveySettings[K]) =>
    setForm((f) => (f ? { ...f, [key]: value } : f));
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const active = surveys.filter((s) => s.status === 'active');
  return (
    <Stack maw={520} data-testid="survey-settings">
      <Select
        label={t('surveyDesign.settings.survey')}
        description={t('surveyDesign.settings.surveyHint')}
        placeholder={t('surveyDesign.settings.newestActive')}
        data={active.map((s) => ({ value: s.id, label: `${s.title[lang] || s.title.en} (v${s.version})` }))}
        value={form.activeSurveyId}
        onChange={(v) => set('activeSurveyId', v)}
        clearable
        data-testid="survey-settings-survey"
      />
      <NumberInput
        label={t('surveyDesign.settings.sampling')}
        description={t('surveyDesign.settings.samplingHint')}
        min={0}
        max={100}
        suffix=" %"
        value={Math.round(form.samplingRate * 100)}
        onChange={(v) => set('samplingRate', Math.min(100, Math.max(0, Number(v) || 0)) / 100)}
        data-testid="survey-settings-sampling"
      />
      <NumberInput
        label={t('surveyDesign.settings.throttle')}
        description={t('surveyDesign.settings.throttleHint')}
        min={0}
        max={365}
        allowDecimal={false}
        value={form.throttleDays}
        onChange={(v) => set('throttleDays', Number(v) || 0)}
        data-testid="survey-settings-throttle"
      />
      <NumberInput
        label={t('surveyDesign.settings.expiry')}
        min={1}
        max={365}
        allowDecimal={false}
        value={form.tokenExpiryDays}
        onChange={(v) => set('tokenExpiryDays', Number(v) || 1)}
        data-testid="survey-settings-expiry"
      />
      <Group grow>
        <NumberInput
          label={t('surveyDesign.settings.lowCsat')}
          min={1}
          max={5}
          allowDecimal={false}
          value={form.lowScore.csatAtMost}
          onChange={(v) => set('lowScore', { ...form.lowScore, csatAtMost: Number(v) || 1 })}
          data-testid="survey-settings-low-csat"
        />
        <NumberInput
          label={t('surveyDesign.settings.lowNps')}
          min={0}
          max={10}
          allowDecimal={false}
          value={form.lowScore.npsAtMost}
          onChange={(v) => set('lowScore', { ...form.lowScore, npsAtMost: Number(v) || 0 })}
          data-testid="survey-settings-low-nps"
        />
      </Group>
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'} data-testid="survey-settings-result">
          {result.message}
        </Alert>
      )}
      {
        <Button
          w="fit-content"
          data-testid="survey-settings-save"
          onClick={() =>
            void save(form).then((refused) =>
              setResult(
                refused
                  ? { ok: false, message: t('surveyDesign.settings.notSaved', { message: refused }) }
                  : { ok: true, message: t('surveyDesign.settings.saved') },
              ),
            )
          }
        >
          {t('surveyDesign.settings.save')}
        </Button>
      }
    </Stack>
  );
}
