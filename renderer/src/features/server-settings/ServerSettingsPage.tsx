import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ServerCheckResult, ServerUrlSetting } from '@shared/ipc/channels.js';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { checkServerUrl, loadServerSetting, saveServerUrl } from '../../platform/server-url.js';
import { checkMessage, cleanErrorMessage } from './check-messages.js';

interface Props {
  /** No server chosen yet: a welcome, and no way back to the login page before one is saved. */
  firstRun: boolean;
  /** Back to the login page (not on first run). */
  onBack?: () => void;
  /** The setting already loaded by the caller, if any. */
  initial?: ServerUrlSetting | null;
}

/**
 * Server connection settings (desktop, or the console opened from file://): the sync server's address, a check of
 * GET /api/health with plain-language results, and saving, after which the window reloads (the desktop's content
 * security policy follows the saved server). An address set by DESK_SERVER_URL is shown locked.
 */
export function ServerSettingsPage({ firstRun, onBack, initial = null }: Props) {
  const { t } = useTranslation();
  const [setting, setSetting] = useState<ServerUrlSetting | null>(initial);
  const [url, setUrl] = useState(initial?.url ?? '');
  const [checked, setChecked] = useState<{ url: string; result: ServerCheckResult } | null>(null);
  const [busy, setBusy] = useState<'check' | 'save' | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const locked = setting?.source === 'env';

  useEffect(() => {
    if (initial) return undefined;
    let cancelled = false;
    void loadServerSetting().then((loaded) => {
      if (cancelled) return;
      setSetting(loaded);
      setUrl(loaded.url);
    });
    return () => {
      cancelled = true;
    };
  }, [initial]);

  const check = async (): Promise<ServerCheckResult> => {
    const target = url.trim();
    setBusy('check');
    setSaveError(null);
    const result = await checkServerUrl(target).catch((err: unknown): ServerCheckResult => ({
      status: 'unreachable',
      reason: cleanErrorMessage(err),
    }));
    setChecked({ url: target, result });
    setBusy(null);
    return result;
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (locked) return;
    const result = checked?.url === url.trim() && checked.result.status === 'ok' ? checked.result : await check();
    if (result.status !== 'ok') return;
    setBusy('save');
    try {
      await saveServerUrl(result.url);
      location.reload();
    } catch (err) {
      setSaveError(cleanErrorMessage(err));
      setBusy(null);
    }
  };

  const shown = checked && checked.url === url.trim() ? checked.result : null;
  const message = shown ? checkMessage(shown, t) : null;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={520} maw="100%" component="main" data-testid="server-settings">
        {!setting ? (
          <Center>
            <Loader aria-label={t('app.loading')} />
          </Center>
        ) : (
          <form onSubmit={(e) => void save(e)} noValidate>
            <Stack>
              <Group justify="space-between" align="center">
                <Title order={1} size="h3">
                  {firstRun ? t('server.welcomeTitle') : t('server.title')}
                </Title>
                <LanguageSwitch />
              </Group>
              <Text size="sm" c="dimmed">
                {firstRun ? t('server.welcome') : t('server.intro')}
              </Text>
              <TextInput
                label={t('server.url')}
                placeholder="https://desk.example.org"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                readOnly={locked}
                description={locked ? t('server.locked') : t('server.urlHint')}
                data-testid="server-url"
                data-locked={String(locked)}
                data-source={setting.source}
                autoComplete="url"
                spellCheck={false}
                required
                data-autofocus
              />
              {message && shown && (
                <Alert
                  color={shown.status === 'ok' ? 'green' : 'red'}
                  title={message.title}
                  role={shown.status === 'ok' ? 'status' : 'alert'}
                  data-testid="server-check-result"
                  data-status={shown.status}
                >
                  <Text size="sm">{message.body}</Text>
                  {message.detail && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('server.detail', { detail: message.detail })}
                    </Text>
                  )}
                </Alert>
              )}
              {saveError && (
                <Alert color="red" role="alert" data-testid="server-save-error">
                  {t('server.saveFailed', { message: saveError })}
                </Alert>
              )}
              <Group justify="space-between">
                {onBack && !firstRun ? (
                  <Button variant="subtle" onClick={onBack} data-testid="server-settings-back" disabled={busy === 'save'}>
                    {t('server.back')}
                  </Button>
                ) : (
                  <span />
                )}
                <Group gap="xs">
                  <Button variant="default" onClick={() => void check()} loading={busy === 'check'} data-testid="server-check">
                    {t('server.check')}
                  </Button>
                  {!locked && (
                    <Button type="submit" loading={busy === 'save'} disabled={busy === 'check'} data-testid="server-save">
                      {t('server.save')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
