import { Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { downstreamImpact, upstreamCauses } from '@shared';
import type { CmdbGraph, ConfigItem } from '@shared';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { impactGraphModel } from './impact-graph-model.js';
import type { ImpactDepth } from './impact-rows.js';
import { DEFAULT_IMPACT_DEPTH, IMPACT_DEPTHS, impactRows, maxDepthOf, partyRows, siteNames } from './impact-rows.js';
import { ImpactTable } from './ImpactTable.js';

// React Flow is fetched when the graph is first shown, ELK when a small one is (the service worker precaches both).
const ImpactGraph = lazy(() => import('./ImpactGraph.js').then((m) => ({ default: m.ImpactGraph })));

export interface CiImpactPanelProps {
  ci: ConfigItem;
  graph: CmdbGraph;
  byId: ReadonlyMap<string, ConfigItem>;
  nameOf: (id: string) => string | undefined;
}

/** Downstream impact and upstream causes of a CI (shared impact.ts), as tables or one graph, with a depth control. */
export function CiImpactPanel({ ci, graph, byId, nameOf }: CiImpactPanelProps) {
  const { t } = useTranslation();
  const [depth, setDepth] = useState<ImpactDepth>(DEFAULT_IMPACT_DEPTH);
  const [view, setView] = useState<'table' | 'graph'>('table');
  const results = useMemo(() => {
    const options = { maxDepth: maxDepthOf(depth) };
    return { down: downstreamImpact(graph, [ci.id], options), up: upstreamCauses(graph, [ci.id], options) };
  }, [graph, ci.id, depth]);
  // Built only for the graph view: the tables need no edges.
  const model = useMemo(
    () => (view === 'graph' ? impactGraphModel(graph, ci.id, results, byId) : null),
    [view, graph, ci.id, results, byId],
  );
  return (
    <Stack data-testid="ci-impact">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>{t('cmdb.impactView.title')}</Title>
        <Group align="flex-end">
          <Stack gap={2}>
            <Text size="sm" fw={500} id="impact-depth-label">
              {t('cmdb.impact.depth')}
            </Text>
            <SegmentedControl
              aria-labelledby="impact-depth-label"
              value={String(depth)}
              onChange={(v) => setDepth(Number(v) as ImpactDepth)}
              data={IMPACT_DEPTHS.map((d) => ({ value: String(d), label: d === 0 ? t('cmdb.impactView.depthAll') : String(d) }))}
              data-testid="impact-depth"
            />
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={500} id="impact-view-label">
              {t('cmdb.impactView.view')}
            </Text>
            <SegmentedControl
              aria-labelledby="impact-view-label"
              value={view}
              onChange={(v) => setView(v === 'graph' ? 'graph' : 'table')}
              data={[
                { value: 'table', label: t('cmdb.impactView.table') },
                { value: 'graph', label: t('cmdb.impactView.graph') },
              ]}
              data-testid="impact-view"
            />
          </Stack>
        </Group>
      </Group>
      {model ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('cmdb.impactView.legend')}
          </Text>
          {model.hidden > 0 && (
            <Text size="sm" data-testid="impact-graph-hidden">
              {t('cmdb.impactView.hidden', { shown: model.nodes.length, count: model.nodes.length + model.hidden })}
            </Text>
          )}
          <Suspense
            fallback={
              <Center h={480}>
                <Loader aria-label={t('cmdb.impactView.loadingGraph')} />
              </Center>
            }
          >
            <ImpactGraph model={model} rootName={ci.name} />
          </Suspense>
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <ImpactTable
            direction="downstream"
            rows={impactRows(results.down, byId)}
            parties={partyRows(results.down, byId, nameOf)}
            sites={siteNames(results.down, byId)}
            truncated={results.down.truncated}
          />
          <ImpactTable direction="upstream" rows={impactRows(results.up, byId)} truncated={results.up.truncated} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
