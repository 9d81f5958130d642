import { Alert, Anchor, List, Text } from '@mantine/core';
import type { ChangeCollision, ChangeWindow, Ticket } from '@shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../i18n/index.js';
import { useFormatters } from '../../ui/format.js';
import { useCmdbLookup } from '../cmdb/use-cmdb.js';

/** What a change collides with, each line saying what collides with what and when (or that nothing does). */
export function CollisionList({
  collisions,
  byId,
  windows,
}: {
  collisions: readonly ChangeCollision[];
  byId: ReadonlyMap<string, Ticket>;
  windows: readonly ChangeWindow[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fmt = useFormatters();
  const cmdb = useCmdbLookup();
  const ciName = (id: string) => cmdb.byId.get(id)?.name ?? id;
  const windowName = (id: string) => {
    const w = windows.find((x) => x.id === id);
    return w ? (lang === 'fr' ? w.nameFr : w.name) : id;
  };
  const changeLink = (id: string) => {
    const other = byId.get(id);
    return (
      <Anchor component={Link} to={`/tickets/${id}`}>
        {other ? `${other.number} ${other.title}` : id}
      </Anchor>
    );
  };
  const when = (start: number, end: number) => `${fmt.dateTime(start)} – ${fmt.dateTime(end)}`;
  if (collisions.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="change-collisions-none">
        {t('changes.collisions.none')}
      </Text>
    );
  }
  return (
    <Alert color="orange" title={t('changes.collisions.title', { count: collisions.length })} data-testid="change-collisions">
      <List size="sm" spacing={4}>
        {collisions.map((c, i) => (
          <List.Item key={i} data-testid="change-collision" data-kind={c.kind}>
            {c.kind === 'same_ci' && (
              <>
                {t('changes.collisions.sameCi', { cis: c.ciIds.map(ciName).join(', '), when: when(c.start, c.end) })}{' '}
                {changeLink(c.otherChangeId)}
              </>
            )}
            {c.kind === 'dependent_ci' && (
              <>
                {t(`changes.collisions.${c.relation}`, {
                  ci: ciName(c.ciId),
                  other: ciName(c.otherCiId),
                  when: when(c.start, c.end),
                })}{' '}
                {changeLink(c.otherChangeId)}
              </>
            )}
            {c.kind === 'blackout' &&
              t('changes.collisions.blackout', { window: windowName(c.windowId), when: when(c.start, c.end) })}
            {c.kind === 'outside_maintenance' &&
              t('changes.collisions.outsideMaintenance', {
                service: ciName(c.serviceId),
                windows: c.windowIds.map(windowName).join(', '),
              })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
