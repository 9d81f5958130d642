import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { onsiteResponseId, type AnswerValue, type Language } from '@shared';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { submitOnsiteFeedback, useActiveSurvey, useDb, useSurveyResponse, useTicket } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { canCollectFeedback } from './feedback-rules.js';
import { answerList, answerProblems, type AnswerMap } from './answer-state.js';
import { QuestionInput } from './QuestionInput.js';
import { clearLock, loadLock, loadVerifier, saveLock } from './handback-check.js';
import { HandbackCheck, HandoverPrep } from './HandbackCheck.js';

/**
 * The on-site feedback form, full screen and customer-facing: the technician hands the device over, the customer
 * answers the active survey in English or French, and is asked to hand the device back. Works offline: the
 * response is stored on this device (one per ticket) and replicated when online.
 *
 * From the moment the form is shown the device is locked to this screen (the lock survives a reload) and nothing on
 * it leads back to the console: only the signed-in technician's password (HandbackCheck) unlocks it. When the device
 * holds no verifier of that password yet, the technician types it first (HandoverPrep), so the check works offline.
 */
export function FeedbackPage() {
  const { id = '' } = useParams();
  const appLang = useLanguage();
  const [lang, setLang] = useState<Language>(appLang);
  const { i18n } = useTranslation();
  // The customer's language is theirs alone: the technician's interface language does not change.
  const t = useMemo(() => i18n.getFixedT(lang), [i18n, lang]);
  const ticket = useTicket(id);
  const survey = useActiveSurvey();
  const existing = useSurveyResponse(onsiteResponseId(id));
  const db = useDb();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [showProblems, setShowProblems] = useState(false);
  const [step, setStep] = useState<'form' | 'thanks'>('form');
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => (survey ? answerProblems(survey, answers) : {}), [survey, answers]);
  const user = useCurrentUser();
  const [locked, setLocked] = useState(() => loadLock(localStorage, user.id)?.ticketId === id);
  const [prepared, setPrepared] = useState(() => loadVerifier(localStorage, user.id) !== null);
  const [checking, setChecking] = useState(false);
  const formReady = !!ticket && !!survey && existing === null && canCollectFeedback(ticket);

  useEffect(() => {
    if (!formReady || !prepared || locked) return;
    saveLock(localStorage, { userId: user.id, ticketId: id, failures: 0 });
    setLocked(true);
  }, [formReady, prepared, locked, user.id, id]);

  // Leaving this page while the lock is still stored means something other than the password took the customer away
  // (the browser's Back, a mouse's back button, a shortcut): come straight back. Done on unmount because the router
  // renders the new page before any later listener of the same event would run. The hash test skips a remount in
  // place (React's strict mode).
  useEffect(() => {
    if (!locked) return;
    const path = `/tickets/${id}/feedback`;
    return () => {
      if (loadLock(localStorage, user.id)?.ticketId === id && !window.location.hash.endsWith(path)) void navigate(path);
    };
  }, [locked, navigate, id, user.id]);

  const back = () => void navigate(`/tickets/${id}`);
  // The technician's screens (hand-over, hand-back check) speak the technician's language, the rest the customer's.
  const frame = (body: ReactNode, bodyLang: Language = lang) => (
    <Box mih="100vh" bg="gray.0" py="xl" lang={bodyLang} data-testid="feedback-page" data-locked={String(locked)}>
      <Container size="sm">{body}</Container>
    </Box>
  );
  const unlocked = () => {
    clearLock(localStorage);
    setLocked(false);
    back();
  };
  /** Leaving: straight away while the technician holds the device, through the password once the customer does. */
  const leave = () => {
    if (locked) setChecking(true);
    else back();
  };

  if (ticket === undefined || survey === undefined || existing === undefined) {
    return frame(
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>,
    );
  }
  if (checking) {
    return frame(<HandbackCheck ticketId={id} onUnlocked={unlocked} onDismiss={() => setChecking(false)} />, appLang);
  }
  // Reloaded after answering, the response exists: still the customer's screen, not the "already recorded" notice.
  if (step === 'thanks' || (locked && existing)) {
    return frame(
      <Stack align="center" gap="xl" py="xl" data-testid="feedback-thanks">
        <Title order={1}>{t('feedback.thanks')}</Title>
        <Text size="xl" ta="center">
          {t('feedback.handBack')}
        </Text>
        <Button size="xl" onClick={leave} data-testid="feedback-handed-back">
          {t('feedback.handedBack')}
        </Button>
      </Stack>,
    );
  }
  const problem =
    ticket === null
      ? t('ticket.notFound')
      : !canCollectFeedback(ticket)
        ? t('feedback.notResolved')
        : survey === null
          ? t('feedback.noSurvey')
          : existing
            ? t('feedback.already')
            : null;
  if (problem || !ticket || !survey) {
    return frame(
      <Stack>
        <Alert color="orange" data-testid="feedback-unavailable">
          {problem}
        </Alert>
        {locked ? (
          <Button variant="default" onClick={leave} data-testid="feedback-handed-back">
            {t('feedback.handedBack')}
          </Button>
        ) : (
          <Anchor component={Link} to={`/tickets/${id}`}>
            {t('ticket.backToQueue')}
          </Anchor>
        )}
      </Stack>,
    );
  }
  if (!prepared && !locked) {
    return frame(<HandoverPrep onReady={() => setPrepared(true)} onCancel={back} />, appLang);
  }

  const setAnswer = (questionId: string, value: AnswerValue | undefined) =>
    setAnswers((prev) => {
      const next: Record<string, AnswerValue> = { ...prev };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });

  const submit = async () => {
    setShowProblems(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const result = await submitOnsiteFeedback(db, { ticket, survey, answers: answerList(survey, answers) });
      if (result.violations.length === 0) setStep('thanks');
    } finally {
      setBusy(false);
    }
  };

  return frame(
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="xl">
        <Group justify="space-between" align="start">
          <div>
            <Title order={1}>{survey.title[lang]}</Title>
            <Text size="lg" mt="xs">
              {t('feedback.intro', { number: ticket.number })}
            </Text>
          </div>
          {/* Never shrunk: squeezed by a long survey title, it cut "Français" short. */}
          <SegmentedControl
            size="lg"
            style={{ flexShrink: 0 }}
            value={lang}
            onChange={(v) => setLang(v === 'fr' ? 'fr' : 'en')}
            aria-label={t('language.label')}
            data-testid="feedback-language"
            data={[
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
          />
        </Group>
        {survey.questions.map((q) => (
          <QuestionInput
            key={q.id}
            question={q}
            value={answers[q.id]}
            onChange={(v) => setAnswer(q.id, v)}
            lang={lang}
            t={t}
            error={
              showProblems && problems[q.id]
                ? problems[q.id] === 'required'
                  ? t('feedback.required')
                  : t('feedback.invalid')
                : undefined
            }
          />
        ))}
        {showProblems && Object.keys(problems).length > 0 && (
          <Alert color="red" role="alert" data-testid="feedback-problems">
            {t('feedback.fixProblems')}
          </Alert>
        )}
        <Button type="submit" size="xl" loading={busy} data-testid="feedback-submit">
          {t('feedback.submit')}
        </Button>
        <Anchor component="button" type="button" onClick={leave} size="sm" data-testid="feedback-cancel">
          {t('feedback.cancel')}
        </Anchor>
      </Stack>
    </form>,
  );
}
