import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ServerUrlSetting } from '@shared/ipc/channels.js';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { resolveServerUrl } from '../../platform/server-url.js';
import { AuthError } from '../../session/auth-api.js';

type LoginFailure = 'credentials' | 'network' | 'server';

function failureOf(err: unknown): LoginFailure {
  return err instanceof AuthError ? err.kind : 'server';
}

interface LoginPageProps {
  expired: boolean;
  /** The account was deactivated while signed in: its data was removed from this device. */
  deactivated?: boolean;
  /**
   * The server setting when the user chooses the server (desktop, file://): shown read-only as `login-server`, with a
   * button to the server settings, where it is checked and saved. Null when the page comes from the server itself.
   */
  server?: ServerUrlSetting | null;
  onServerSettings?: () => void;
}

/** Email and password; the server address too when the console is not served by the sync server (desktop). */
export function LoginPage({ expired, deactivated = false, server = null, onServerSettings }: LoginPageProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginFailure | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const url = server?.url ?? (await resolveServerUrl());
      await signIn(url, email.trim(), password);
    } catch (err) {
      setError(failureOf(err));
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%" component="main">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Group justify="space-between" align="center">
              <Title order={1} size="h3">
                {t('app.name')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm" c="dimmed">
              {t('auth.intro')}
            </Text>
            {expired && <Alert color="yellow">{t('auth.expired')}</Alert>}
            {deactivated && (
              <Alert color="red" data-testid="login-deactivated">
                {t('auth.deactivatedErased')}
              </Alert>
            )}
            {server && (
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={t('auth.server')}
                  value={server.url}
                  readOnly
                  description={server.source === 'env' ? t('server.locked') : undefined}
                  data-testid="login-server"
                  data-locked={String(server.source === 'env')}
                  style={{ flex: 1 }}
                />
                {onServerSettings && (
                  <Button variant="default" onClick={onServerSettings} data-testid="login-server-settings">
                    {server.source === 'env' ? t('auth.serverDetails') : t('auth.serverChange')}
                  </Button>
                )}
              </Group>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="login-email"
              required
              data-autofocus
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="login-password"
              required
            />
            {error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {error === 'credentials'
                  ? t('auth.errors.credentials')
                  : error === 'network'
                    ? t('auth.errors.network')
                    : t('auth.errors.server')}
              </Alert>
            )}
            <Button type="submit" loading={busy} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
