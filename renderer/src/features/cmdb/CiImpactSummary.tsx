import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { downstreamImpact, suggestImpact } from '@shared';
import type { Level, SuggestedImpactReason } from '@shared';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../ui/labels.js';
import { CiCriticalityBadge } from './CiBadges.js';
import { partyRows, siteNames } from './impact-rows.js';
import { useCmdbGraph } from './use-cmdb.js';
import type { CmdbLookup } from './use-cmdb.js';
import { useDirectoryNames } from './use-directory-names.js';

export interface CiImpactSummaryProps {
  cmdb: CmdbLookup;
  ciIds: readonly string[];
  /** The impact the person has chosen: the suggestion never replaces it by itself. */
  impact: Level;
  /** Takes the suggested impact; absent when the reader may not change the impact. */
  onAccept?: (impact: Level) => void;
}

/**
 * What the linked CIs take down (the CMDB page's `downstreamImpact`, every level): the impacted services, who uses
 * them and where the impacted CIs stand, and the impact level that suggests (shared `suggestImpact`), which the
 * person takes with one click or leaves.
 */
export function CiImpactSummary({ cmdb, ciIds, impact, onAccept }: CiImpactSummaryProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const nameOf = useDirectoryNames();
  const graph = useCmdbGraph(cmdb.items, ciIds.length > 0);
  const result = useMemo(() => (graph ? downstreamImpact(graph, ciIds) : null), [graph, ciIds]);
  const suggestion = useMemo(() => (result ? suggestImpact(result, cmdb.byId) : null), [result, cmdb.byId]);
  if (!result || !suggestion) return null;
  const parties = partyRows(result, cmdb.byId, nameOf);
  const sites = siteNames(result, cmdb.byId);
  const kind = { user: t('cmdb.partyKind.user'), group: t('cmdb.partyKind.group'), org: t('cmdb.partyKind.org') };
  const reasons: Record<SuggestedImpactReason, string> = {
    critical_service: t('ticketCis.reason.critical_service'),
    organisation: t('ticketCis.reason.organisation'),
    many_parties: t('ticketCis.reason.many_parties', { parties: suggestion.partyCount }),
    high_service: t('ticketCis.reason.high_service'),
    group: t('ticketCis.reason.group'),
    several_users: t('ticketCis.reason.several_users', { parties: suggestion.partyCount }),
    contained: t('ticketCis.reason.contained'),
  };
  const accepted = suggestion.impact === impact;

  return (
    <Stack gap="xs" data-testid="ci-impact-summary">
      <Text size="sm" fw={500}>
        {t('ticketCis.services')}
      </Text>
      {suggestion.serviceIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ticketCis.noService')}
        </Text>
      ) : (
        <Group gap="xs">
          {suggestion.serviceIds.map((id) => {
            const ci = cmdb.byId.get(id);
            return (
              <Group key={id} gap={4} data-testid="ci-impact-service" data-ci-id={id}>
                <Anchor component={Link} to={`/cmdb/${encodeURIComponent(id)}`} size="sm">
                  {ci?.name ?? id}
                </Anchor>
                {ci && <CiCriticalityBadge criticality={ci.criticality} />}
              </Group>
            );
          })}
        </Group>
      )}
      {parties.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            {t('cmdb.impact.users')}
          </Text>
          <Group gap="xs">
            {parties.map((p) => (
              <Group key={`${p.kind}:${p.id}`} gap={4} data-testid="ci-impact-party" data-party-id={p.id}>
                <Badge variant="outline" color="dark" size="sm">
                  {kind[p.kind]}
                </Badge>
                <Text size="sm">{p.name}</Text>
              </Group>
            ))}
          </Group>
        </>
      )}
      {sites.length > 0 && (
        <Text size="sm" data-testid="ci-impact-sites">
          {t('cmdb.impact.sites')}: {sites.join(', ')}
        </Text>
      )}
      <Alert
        color={accepted ? 'gray' : 'blue'}
        variant="light"
        p="xs"
        data-testid="ci-impact-suggestion"
        data-impact={suggestion.impact}
      >
        <Group justify="space-between" gap="xs">
          <Text size="sm">
            {t('ticketCis.suggested', { level: labels.level[suggestion.impact] })} {reasons[suggestion.reason]}
          </Text>
          {accepted ? (
            <Text size="sm" c="dimmed" data-testid="ci-impact-suggestion-matches">
              {t('ticketCis.matches')}
            </Text>
          ) : (
            onAccept && (
              <Button size="xs" variant="light" onClick={() => onAccept(suggestion.impact)} data-testid="ci-impact-accept">
                {t('ticketCis.accept')}
              </Button>
            )
          )}
        </Group>
      </Alert>
    </Stack>
  );
}
