import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context.js';
import { checkHandback, forgetHandback, prepareHandover, serverCheck } from './handback-check.js';

/** The signed-in technician as the checks need them: who, and where the server that judges passwords is. */
function useTechnician() {
  const { state, signOut } = useSession();
  if (state.status !== 'signed-in') throw new Error('The hand-back check needs a signed-in technician.');
  const { user, serverUrl } = state.session;
  return { user, askServer: serverCheck(serverUrl, user.email), signOut };
}

/**
 * Technician-facing, before the device goes to the customer, when this device has no verifier of the technician's
 * password yet: without one, a hand-back offline could not be checked.
 */
export function HandoverPrep({ onReady, onCancel }: { onReady: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { user, askServer } = useTechnician();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await prepareHandover({ store: localStorage, userId: user.id, password, askServer });
    setBusy(false);
    setPassword('');
    if (result === 'ok') onReady();
    else setWrong(true);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="handover-prep">
      <Stack gap="lg">
        <Title order={1}>{t('feedback.prep.title')}</Title>
        <Text size="lg">{t('feedback.prep.explain', { name: user.name })}</Text>
        <PasswordInput
          size="lg"
          label={t('auth.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid="handover-password"
          data-autofocus
        />
        {wrong && (
          <Alert color="red" role="alert" data-testid="handover-wrong">
            {t('feedback.prep.wrong')}
          </Alert>
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={onCancel} data-testid="handover-cancel">
            {t('feedback.prep.cancel')}
          </Anchor>
          <Button type="submit" size="lg" loading={busy} data-testid="handover-submit">
            {t('feedback.prep.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The device is in the customer's hands: only the signed-in technician's password gives it back. Wrong passwords
 * are counted on the device; at the last one the technician is signed out, so the console stays closed.
 */
export function HandbackCheck({
  ticketId,
  onUnlocked,
  onDismiss,
}: {
  ticketId: string;
  onUnlocked: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const { user, askServer, signOut } = useTechnician();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ kind: 'wrong'; left: number } | { kind: 'unavailable' } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await checkHandback({ store: localStorage, userId: user.id, ticketId, password, askServer });
    setPassword('');
    if (result.kind === 'ok') return onUnlocked();
    if (result.kind === 'wrong' && result.left === 0) {
      forgetHandback(localStorage, user.id);
      await signOut();
      return;
    }
    setBusy(false);
    setProblem(result);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="handback-check">
      <Stack gap="lg">
        <Title order={1}>{t('feedback.check.title')}</Title>
        <Text size="lg">{t('feedback.check.explain', { name: user.name })}</Text>
        <PasswordInput
          size="lg"
          label={t('auth.password')}
          // Not "current-password": a password manager would offer the technician's saved password to the customer.
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid="handback-password"
          data-autofocus
        />
        {problem && (
          <Alert color="red" role="alert" data-testid="handback-wrong">
            {problem.kind === 'wrong' ? (
              t('feedback.check.wrong', { count: problem.left })
            ) : (
              <>
                {t('feedback.check.unavailable')}{' '}
                <Anchor component="button" type="button" onClick={() => void signOut()} data-testid="handback-sign-out">
                  {t('auth.logout')}
                </Anchor>
              </>
            )}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="default" size="lg" onClick={onDismiss} data-testid="handback-dismiss">
            {t('feedback.check.dismiss')}
          </Button>
          <Button type="submit" size="lg" loading={busy} data-testid="handback-submit">
            {t('feedback.check.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
