import { DEFAULT_LOW_SCORE, type SurveySettings } from '@shared';
import { z } from 'zod';
import type { Queryable } from '../../db/database.js';
import { readSurveySettingsText, writeSurveySettingsText } from '../../db/queries/survey-settings.js';

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  activeSurveyId: null,
  samplingRate: 1,
  throttleDays: 30,
  tokenExpiryDays: 14,
  lowScore: DEFAULT_LOW_SCORE,
};

const lowScore = z
  .object({
    csatAtMost: z.number().int().min(0, 'csatAtMost is 0 (never) to 5').max(5, 'csatAtMost is 0 (never) to 5'),
    npsAtMost: z.number().int().min(-1, 'npsAtMost is -1 (never) to 10').max(10, 'npsAtMost is -1 (never) to 10'),
  })
  .strict();

/** A change to the settings: any subset of fields, each validated; unknown fields are refused. */
export const surveySettingsPatch = z
  .object({
    activeSurveyId: z.string().min(1).max(40).nullable(),
    samplingRate: z.number().min(0, 'samplingRate is a share from 0 to 1').max(1, 'samplingRate is a share from 0 to 1'),
    throttleDays: z.number().int().min(0).max(365),
    tokenExpiryDays: z.number().int().min(1).max(365),
    lowScore: lowScore.partial().strict(),
  })
  .partial()
  .strict();

export type SurveySettingsPatch = z.output<typeof surveySettingsPatch>;

/** The survey settings in force: the stored ones over the defaults (a damaged value falls back to the defaults). */
export async function readSurveySettings(db: Queryable): Promise<SurveySettings> {
  const text = await readSurveySettingsText(db);
  if (text === null) return DEFAULT_SURVEY_SETTINGS;
  try {
    const parsed = surveySettingsPatch.safeParse(JSON.parse(text));
    if (!parsed.success) return DEFAULT_SURVEY_SETTINGS;
    return applyPatch(DEFAULT_SURVEY_SETTINGS, parsed.data);
  } catch {
    return DEFAULT_SURVEY_SETTINGS;
  }
}

export function applyPatch(current: SurveySettings, patch: SurveySettingsPatch): SurveySettings {
  return {
    ...current,
    ...patch,
    lowScore: { ...current.lowScore, ...patch.lowScore },
  };
}

export async function writeSurveySettings(db: Queryable, settings: SurveySettings): Promise<void> {
  await writeSurveySettingsText(db, JSON.stringify(settings));
}
