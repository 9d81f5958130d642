import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { PASSWORD_LIMITS, passwordViolations } from '@shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { resolveServerUrl } from '../../platform/server-url.js';
import { invitationHolder, setPasswordWithLink, type InvitationAnswer } from '../../session/invitation-api.js';
import { useViolationText } from '../../ui/violations.js';

/**
 * Where an invitation link lands: the person chooses their own password (the shared rule checks it here and on the
 * server), once. Nobody else ever sees it. Shown signed out, like the login page.
 */
export function SetPasswordPage({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const violationText = useViolationText();
  const [holder, setHolder] = useState<InvitationAnswer | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<InvitationAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void resolveServerUrl()
      .then((url) => invitationHolder(url, token))
      .then((found) => !cancelled && setHolder(found));
    return () => {
      cancelled = true;
    };
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (password !== confirm) return setError(t('setPassword.mismatch'));
    // The address is the server's to compare; the length rule is the same everywhere.
    const [local] = passwordViolations(password, '');
    if (local) return setError(violationText(local));
    setBusy(true);
    const result = await setPasswordWithLink(await resolveServerUrl(), token, password);
    setBusy(false);
    if (result.status === 'refused' && result.code)
      setError(violationText({ code: result.code, field: 'password', message: result.message }));
    else if (result.status !== 'ok') setError(result.message);
    setAnswer(result);
  };

  const dead = holder?.status === 'dead' || answer?.status === 'dead';
  const done = answer?.status === 'ok';
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="100%" component="main" data-testid="set-password-page">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Group justify="space-between" align="center">
              <Title order={1} size="h3">
                {t('setPassword.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            {holder?.status === 'ok' && holder.name && !done && (
              <Text data-testid="set-password-greeting">{t('setPassword.greeting', { name: holder.name })}</Text>
            )}
            {dead && (
              <Alert color="red" role="alert" data-testid="set-password-dead">
                {t('setPassword.dead')}
              </Alert>
            )}
            {done && (
              <Alert color="green" role="status" data-testid="set-password-done">
                {t('setPassword.done')}
              </Alert>
            )}
            {!dead && !done && (
              <>
                <PasswordInput
                  label={t('setPassword.password')}
                  description={t('setPassword.hint', { min: PASSWORD_LIMITS.min })}
                  autoComplete="new-password"
                  maxLength={PASSWORD_LIMITS.max}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  data-testid="set-password-password"
                />
                <PasswordInput
                  label={t('setPassword.confirm')}
                  autoComplete="new-password"
                  maxLength={PASSWORD_LIMITS.max}
                  required
                  value={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                  data-testid="set-password-confirm"
                />
                {error && (
                  <Alert color="red" role="alert" data-testid="set-password-error">
                    {error}
                  </Alert>
                )}
                <Button type="submit" loading={busy} data-testid="set-password-submit">
                  {t('setPassword.submit')}
                </Button>
              </>
            )}
            {(done || dead) && (
              <Button variant={done ? 'filled' : 'default'} onClick={onDone} data-testid="set-password-sign-in">
                {t('setPassword.toSignIn')}
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
