import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { CI_CLASS_NAMES, CI_CRITICALITIES, CI_STATUSES, can } from '@shared';
import type { ConfigItem } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CMDB_IMPORT_ROUTE, CMDB_NEW_ROUTE } from '../../app/routes.js';
import { useCurrentUser } from '../../app/session-context.js';
import { useUrlParams } from '../../app/use-url-params.js';
import { useConfigItems } from '../../data/index.js';
import { CiTable } from './CiTable.js';
import { ciFilterFromParams, CI_FILTER_PARAMS } from './ci-list-url.js';
import type { CiFilter } from './ci-search.js';
import { LiveCiIndex, listCis } from './ci-search.js';
import { useCiLabels } from './ci-labels.js';
import { useDirectoryNames } from './use-directory-names.js';

/** Rows drawn at once: a search narrows 50,000 CIs faster than anyone scrolls them. */
const MAX_ROWS = 200;

/**
 * The configuration items of this device (a technician: their sites' CIs and the services above them), searched
 * locally by name, serial number or attribute (accents and case ignored) and filtered by class, status and
 * criticality. Search and filters live in the address, so Back returns to the same list.
 */
export function CiListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useCiLabels();
  const { items, loading } = useConfigItems();
  const [params, updateParams] = useUrlParams();
  const query = params.get('q') ?? '';
  const { ciClass, status, criticality } = ciFilterFromParams(params);
  // The filter is rebuilt from the address on every render: memoised by its values, not its identity.
  const filter = useMemo((): CiFilter => ({ ciClass, status, criticality }), [ciClass, status, criticality]);
  const setParam = (key: string, value: string) =>
    updateParams((latest) => {
      if (value) latest.set(key, value);
      else latest.delete(key);
      return latest;
    });
  // One index for the page's life, brought up to date with each change of the CIs rather than rebuilt.
  const [live] = useState(() => new LiveCiIndex());
  const index = useMemo(() => live.update(items), [live, items]);
  const byId = useMemo(() => new Map(items.map((ci) => [ci.id, ci])), [items]);
  const found = useMemo(() => listCis(index, query, filter), [index, query, filter]);
  const rows = found.slice(0, MAX_ROWS);

  const select = (key: keyof CiFilter, label: string, values: readonly string[], names: Readonly<Record<string, string>>) => (
    <NativeSelect
      label={label}
      value={filter[key]}
      onChange={(e) => setParam(CI_FILTER_PARAMS[key], e.currentTarget.value)}
      data={[{ value: '', label: t('cmdb.any') }, ...values.map((v) => ({ value: v, label: names[v] ?? v }))]}
      data-testid={`ci-filter-${CI_FILTER_PARAMS[key]}`}
    />
  );
  const locationName = (ci: ConfigItem) => (ci.locationId ? (byId.get(ci.locationId)?.name ?? ci.locationId) : '');
  const groupName = useDirectoryNames();

  return (
    <Stack data-testid="ci-list">
      <Group justify="space-between">
        <Title order={2}>{t('cmdb.title')}</Title>
        <Group>
          {(can(user, 'ci.import') || can(user, 'ci.export')) && (
            <Anchor component={Link} to={CMDB_IMPORT_ROUTE} data-testid="ci-import-link">
              {t('cmdbImport.title')}
            </Anchor>
          )}
          {/* Offered only to those the shared policy lets create CIs; the command and the server ask it again. */}
          {can(user, 'ci.manage') && (
            <Button component={Link} to={CMDB_NEW_ROUTE} data-testid="ci-new-button">
              {t('cmdb.create.button')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('cmdb.search')}
          placeholder={t('cmdb.searchPlaceholder')}
          value={query}
          onChange={(e) => setParam('q', e.currentTarget.value)}
          data-testid="ci-search"
          data-search-shortcut
          w={320}
        />
        {select('ciClass', t('cmdb.filterClass'), CI_CLASS_NAMES, labels.ciClass)}
        {select('status', t('cmdb.filterStatus'), CI_STATUSES, labels.status)}
        {select('criticality', t('cmdb.filterCriticality'), CI_CRITICALITIES, labels.criticality)}
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="ci-count">
        {loading
          ? t('app.loading')
          : found.length > MAX_ROWS
            ? t('cmdb.countShown', { shown: MAX_ROWS, n: found.length })
            : t('cmdb.count', { n: found.length })}
      </Text>
      {!loading && found.length === 0 ? (
        <Text>{t('cmdb.empty')}</Text>
      ) : (
        <CiTable items={rows} locationName={locationName} groupName={groupName} />
      )}
    </Stack>
  );
}
