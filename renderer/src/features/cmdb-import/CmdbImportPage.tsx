import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { can, type CmdbCsvFile, type CmdbImportReport, type CmdbImportRequest, type CsvRowViolation } from '@shared';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { useCmdbImportApi, type CmdbImportOutcome } from '../../data/index.js';
import { violationReason } from './violation-reason.js';

/** Saves text as a file through a temporary link (the export needs the bearer token, so a plain link cannot fetch it). */
function saveText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function CsvInput({ file, value, onChange }: { file: CmdbCsvFile; value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  const pickerId = useId();
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.currentTarget.files?.[0];
    if (picked) void picked.text().then(onChange);
    event.currentTarget.value = '';
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600}>{t(file === 'cis' ? 'cmdbImport.cisFile' : 'cmdbImport.relationsFile')}</Text>
        <Text size="xs" c="dimmed">
          {t(file === 'cis' ? 'cmdbImport.cisColumns' : 'cmdbImport.relationsColumns')}
        </Text>
        <label htmlFor={pickerId}>
          <Text size="sm" component="span">
            {t('cmdbImport.pick')}{' '}
          </Text>
          <input id={pickerId} type="file" accept=".csv,text/csv" onChange={onPick} data-testid={`cmdb-import-file-${file}`} />
        </label>
        <Textarea
          label={t('cmdbImport.paste')}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={12}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          data-testid={`cmdb-import-text-${file}`}
        />
      </Stack>
    </Paper>
  );
}

function ReportView({ report }: { report: CmdbImportReport }) {
  const { t } = useTranslation();
  const reason = (v: CsvRowViolation) => violationReason(t, v);
  const bad = report.invalidRows.cis + report.invalidRows.relations;
  return (
    <Stack gap="sm" data-testid="cmdb-import-report" data-valid={String(report.valid)} data-written={String(report.written)}>
      <Group gap="xs">
        <Badge color={report.valid ? 'green' : 'red'}>
          {report.valid ? t('cmdbImport.valid') : t('cmdbImport.invalid', { count: bad })}
        </Badge>
        <Text size="sm" data-testid="cmdb-import-counts">
          {t(report.written ? 'cmdbImport.countsWritten' : 'cmdbImport.counts', {
            cis: report.rows.cis,
            relations: report.rows.relations,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
          })}
        </Text>
      </Group>
      {report.violations.length > 0 && (
        <Table striped withTableBorder data-testid="cmdb-import-violations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cmdbImport.file')}</Table.Th>
              <Table.Th>{t('cmdbImport.line')}</Table.Th>
              <Table.Th>{t('cmdbImport.column')}</Table.Th>
              <Table.Th>{t('cmdbImport.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.violations.map((v, index) => (
              <Table.Tr
                key={`${v.file}:${v.line}:${v.column}:${v.code}:${index}`}
                data-testid="cmdb-import-violation"
                data-line={v.line}
                data-code={v.code}
              >
                <Table.Td>{t(v.file === 'cis' ? 'cmdbImport.cisFile' : 'cmdbImport.relationsFile')}</Table.Td>
                <Table.Td>{v.line}</Table.Td>
                <Table.Td style={{ fontFamily: 'monospace' }}>{v.column}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{reason(v)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/**
 * Import of CIs and relationships from CSV (configuration managers and administrators): a dry run lists every bad
 * row by line and column, then the import writes all or nothing, or only the valid rows when asked. Export links
 * give the same format back. The server does the writing: this page needs the network.
 */
export function CmdbImportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const api = useCmdbImportApi();
  const [texts, setTexts] = useState<Record<CmdbCsvFile, string>>({ cis: '', relations: '' });
  const [outcome, setOutcome] = useState<CmdbImportOutcome | null>(null);
  const [busy, setBusy] = useState<'dry' | 'import' | 'valid' | 'export' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mayImport = can(user, 'ci.import');
  const mayExport = can(user, 'ci.export');

  const setText = (file: CmdbCsvFile) => (text: string) => {
    setTexts((previous) => ({ ...previous, [file]: text }));
    // A report describes the files as they were checked.
    setOutcome(null);
  };
  const request = (): CmdbImportRequest => ({
    ...(texts.cis.trim() ? { cis: texts.cis } : {}),
    ...(texts.relations.trim() ? { relations: texts.relations } : {}),
  });
  const run = async (kind: 'dry' | 'import' | 'valid') => {
    if (!api) return;
    setBusy(kind);
    setFailure(null);
    try {
      const body = request();
      setOutcome(await (kind === 'dry' ? api.dryRun(body) : api.importFiles({ ...body, validOnly: kind === 'valid' })));
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  const download = async (file: CmdbCsvFile) => {
    if (!api) return;
    setBusy('export');
    setFailure(null);
    try {
      saveText(`cmdb-${file}.csv`, await api.exportCsv(file));
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const report = outcome?.report ?? null;
  const hasFiles = texts.cis.trim() !== '' || texts.relations.trim() !== '';
  const validChanges = report !== null && !report.written && report.created + report.updated > 0;

  return (
    <Stack data-testid="cmdb-import-page">
      <Title order={2}>{t('cmdbImport.title')}</Title>
      <Text size="sm">{t('cmdbImport.intro')}</Text>
      {mayExport && (
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            disabled={!api || busy !== null}
            onClick={() => void download('cis')}
            data-testid="cmdb-export-cis"
          >
            {t('cmdbImport.exportCis')}
          </Button>
          <Button
            variant="light"
            size="xs"
            disabled={!api || busy !== null}
            onClick={() => void download('relations')}
            data-testid="cmdb-export-relations"
          >
            {t('cmdbImport.exportRelations')}
          </Button>
        </Group>
      )}
      {!mayImport ? (
        <Alert color="gray" data-testid="cmdb-import-forbidden">
          {t('cmdbImport.forbidden')}
        </Alert>
      ) : (
        <>
          {!api && <Alert color="yellow">{t('cmdbImport.offline')}</Alert>}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CsvInput file="cis" value={texts.cis} onChange={setText('cis')} />
            <CsvInput file="relations" value={texts.relations} onChange={setText('relations')} />
          </SimpleGrid>
          <Group gap="xs">
            <Button
              onClick={() => void run('dry')}
              loading={busy === 'dry'}
              disabled={!api || !hasFiles || busy !== null}
              data-testid="cmdb-import-dry-run"
            >
              {t('cmdbImport.dryRun')}
            </Button>
            <Button
              color="green"
              onClick={() => void run('import')}
              loading={busy === 'import'}
              disabled={!api || !hasFiles || busy !== null || report?.written === true}
              data-testid="cmdb-import-run"
            >
              {t('cmdbImport.import')}
            </Button>
            <Button
              color="orange"
              variant="light"
              onClick={() => void run('valid')}
              loading={busy === 'valid'}
              disabled={!api || busy !== null || !report || report.valid || !validChanges}
              data-testid="cmdb-import-valid-only"
            >
              {t('cmdbImport.importValidOnly')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('cmdbImport.limits')}
          </Text>
        </>
      )}
      {failure && (
        <Alert color="red" data-testid="cmdb-import-failure">
          {failure}
        </Alert>
      )}
      {outcome?.kind === 'refused' && (
        <Alert color={outcome.status === 422 ? 'orange' : 'red'} data-testid="cmdb-import-refused">
          {outcome.status === 422 ? t('cmdbImport.nothingImported') : outcome.message}
        </Alert>
      )}
      {outcome?.kind === 'report' && outcome.report.written && (
        <Alert color="green" data-testid="cmdb-import-done">
          {t('cmdbImport.done', { created: outcome.report.created, updated: outcome.report.updated })}
        </Alert>
      )}
      {report && <ReportView report={report} />}
    </Stack>
  );
}
