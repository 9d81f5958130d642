import { SURVEY_SETTINGS_PATH, activeSurvey, type Survey, type SurveyResponse, type SurveySettings } from '@shared';
import { useCallback, useEffect, useState } from 'react';
import { map } from 'rxjs';
import { useDataNetwork, useDb } from '../provider.js';
import { requestJson } from '../replication/http.js';
import { useObservable } from './use-observable.js';

/** The survey to hand out (status 'active', highest version); null when none, undefined while loading. */
export function useActiveSurvey(): Survey | null | undefined {
  const db = useDb();
  return useObservable(
    () =>
      db.surveys
        .find({ selector: { status: 'active' } })
        .$.pipe(map((docs) => activeSurvey(docs.map((d) => d.toJSON() as Survey)))),
    [db],
    undefined as Survey | null | undefined,
  );
}

/** A response stored on this device, by id (null when none, undefined while loading). */
export function useSurveyResponse(id: string): SurveyResponse | null | undefined {
  const db = useDb();
  return useObservable(
    () => db.survey_responses.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as SurveyResponse) : null))),
    [db, id],
    undefined as SurveyResponse | null | undefined,
  );
}

/** Every survey template on this device (drafts, active and retired), by English title. */
export function useSurveys(): Survey[] {
  const db = useDb();
  return useObservable(
    () =>
      db.surveys
        .find()
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toJSON() as Survey)
              .sort((a, b) => a.title.en.localeCompare(b.title.en) || a.id.localeCompare(b.id)),
          ),
        ),
    [db],
    [] as Survey[],
  );
}

/** The survey settings (sampling, throttle, low-score thresholds) from the server, and a save; online only. */
export function useSurveySettings(): {
  settings: SurveySettings | null;
  error: string | null;
  save: (patch: Partial<SurveySettings>) => Promise<string | null>;
} {
  const network = useDataNetwork();
  const [settings, setSettings] = useState<SurveySettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!network) return undefined;
    let cancelled = false;
    requestJson<SurveySettings>(network, SURVEY_SETTINGS_PATH)
      .then((s) => !cancelled && setSettings(s))
      .catch((err: unknown) => !cancelled && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      cancelled = true;
    };
  }, [network]);
  const save = useCallback(
    async (patch: Partial<SurveySettings>): Promise<string | null> => {
      if (!network) return 'offline';
      try {
        setSettings(
          await requestJson<SurveySettings>(network, SURVEY_SETTINGS_PATH, { method: 'PUT', body: JSON.stringify(patch) }),
        );
        return null;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
    [network],
  );
  return { settings, error, save };
}
