import { activeSurvey, type Survey, type SurveyResponse } from '@shared';
import { map } from 'rxjs';
import { useDb } from '../provider.js';
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
