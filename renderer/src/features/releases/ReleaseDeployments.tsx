import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ReleaseDeployment, ReleaseStage, Ticket } from '@shared';
import { CHANGE_LIMITS, RELEASE_STAGES } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { recordDeployment, useDb } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines } from '../problems/FormFeedback.js';

type Result = ReleaseDeployment['result'];
const RESULTS: readonly Result[] = ['planned', 'succeeded', 'failed'];
const RESULT_COLORS: Readonly<Record<Result, string>> = { planned: 'gray', succeeded: 'green', failed: 'red' };

/** Deployments grouped by stage (build, test, deploy) then environment, each group's runs oldest first. */
function ordered(deployments: readonly ReleaseDeployment[]): ReleaseDeployment[] {
  return [...deployments].sort(
    (a, b) =>
      RELEASE_STAGES.indexOf(a.stage) - RELEASE_STAGES.indexOf(b.stage) ||
      a.environment.localeCompare(b.environment) ||
      a.at - b.at,
  );
}

/** The release's deployments per stage and environment, and a small form to record one. */
export function ReleaseDeployments({ release }: { release: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const fmt = useFormatters();
  const [stage, setStage] = useState<ReleaseStage>('build');
  const [environment, setEnvironment] = useState('');
  const [result, setResult] = useState<Result>('planned');
  const [errors, setErrors] = useState<string[]>([]);
  const deployments = ordered(release.releaseDeployments ?? []);
  const record = async () => {
    const violations = await recordDeployment(db, release.id, { stage, environment, result }, user);
    setErrors(violations.map(text));
    if (violations.length === 0) setEnvironment('');
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="release-deployments-title" data-testid="release-deployments">
      <Title order={4} size="h6" id="release-deployments-title">
        {t('releases.deploymentsTitle')}
      </Title>
      {deployments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('releases.noDeployments')}
        </Text>
      ) : (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('releases.stageLabel')}</Table.Th>
              <Table.Th>{t('releases.environment')}</Table.Th>
              <Table.Th>{t('releases.resultLabel')}</Table.Th>
              <Table.Th>{t('releases.at')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deployments.map((d) => (
              <Table.Tr key={`${d.stage}:${d.environment}:${d.at}:${d.result}`} data-testid="release-deployment">
                <Table.Td>{t(`releases.stage.${d.stage}`)}</Table.Td>
                <Table.Td>{d.environment}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={RESULT_COLORS[d.result]} data-result={d.result}>
                    {t(`releases.result.${d.result}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{fmt.dateTime(d.at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="xs">
        <Select
          label={t('releases.stageLabel')}
          data={RELEASE_STAGES.map((s) => ({ value: s, label: t(`releases.stage.${s}`) }))}
          value={stage}
          onChange={(v) => v && setStage(v)}
          allowDeselect={false}
          w={130}
          data-testid="release-deployment-stage"
        />
        <TextInput
          label={t('releases.environment')}
          placeholder={t('releases.environmentPlaceholder')}
          value={environment}
          onChange={(e) => setEnvironment(e.currentTarget.value)}
          maxLength={CHANGE_LIMITS.environment}
          style={{ flex: 1 }}
          data-testid="release-deployment-environment"
        />
        <Select
          label={t('releases.resultLabel')}
          data={RESULTS.map((r) => ({ value: r, label: t(`releases.result.${r}`) }))}
          value={result}
          onChange={(v) => v && setResult(v)}
          allowDeselect={false}
          w={130}
          data-testid="release-deployment-result"
        />
        <Button
          size="sm"
          variant="light"
          onClick={() => void record()}
          disabled={environment.trim() === ''}
          data-testid="release-deployment-record"
        >
          {t('releases.recordDeployment')}
        </Button>
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}
