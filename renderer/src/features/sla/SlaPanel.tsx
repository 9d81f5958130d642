import { Badge, Box, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Ticket, TicketEvent } from '@shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useLabels } from '../../ui/labels.js';
import { slaPanelView, type SlaClockView, type Translate, type SlaPanelView, type SlaSegmentView } from './sla-view.js';
import { useSlaSettings } from './use-sla-settings.js';
import { stateTextColor } from './sla-colors.js';
import { useTicketSla } from './use-ticket-sla.js';

const SEGMENT_COLORS: Record<SlaSegmentView['kind'], string> = {
  counted: 'var(--mantine-color-green-6)',
  paused: 'var(--mantine-color-yellow-5)',
  not_started: 'var(--mantine-color-gray-2)',
  stopped: 'var(--mantine-color-gray-5)',
  outside_hours: 'var(--mantine-color-indigo-2)',
  holiday: 'var(--mantine-color-indigo-4)',
  exception: 'var(--mantine-color-indigo-3)',
};

/**
 * The ticket's SLA clocks, computed on this device from the ticket, its events and the replicated policies, so
 * they keep counting offline. Its own timer re-renders this panel only.
 */
export function SlaPanel({ ticket, events }: { ticket: Ticket; events: TicketEvent[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useLabels();
  const directory = useDirectory();
  const settings = useSlaSettings();
  const sla = useTicketSla(ticket, events, settings);
  const view = useMemo(() => {
    if (sla.status !== 'ok') return undefined;
    const nameOf = (id: string): string => directory.byId.get(id)?.name ?? id;
    const tr: Translate = (key, options) => t(key, options ?? {});
    return slaPanelView(sla.result, sla.match.policy, sla.calendar, { t: tr, lang, events, nameOf, labels });
  }, [sla, t, lang, events, directory, labels]);

  if (settings.loading) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="sla-title" data-testid="sla-panel">
      <Stack gap="xs">
        <Title order={3} size="h5" id="sla-title">
          {t('sla.title')}
        </Title>
        {sla.status === 'no_policy' && (
          <Text size="sm" c="dimmed" data-testid="sla-none">
            {t('sla.noPolicy')}
          </Text>
        )}
        {sla.status === 'no_calendar' && (
          <Text size="sm" c="orange" data-testid="sla-none">
            {t('sla.noCalendar', { policy: sla.match.policy.name })}
          </Text>
        )}
        {view && <SlaPanelBody view={view} />}
      </Stack>
    </Paper>
  );
}

/** The panel's content from its view model; every admin-entered string is rendered as React text, never HTML. */
export function SlaPanelBody({ view }: { view: SlaPanelView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Text size="sm">
          {t('sla.policy')}{' '}
          <Text span fw={600} data-testid="sla-policy">
            {view.policyName}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" data-testid="sla-condition">
          {t('sla.chosenBecause')} {view.conditions.join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('sla.calendar')} {view.calendarName}
        </Text>
        {view.clampedEvents > 0 && (
          <Text size="xs" c="orange" data-testid="sla-clamped">
            {t('sla.clamped', { count: view.clampedEvents })}
          </Text>
        )}
      </Stack>
      {view.clocks.map((clock) => (
        <SlaClockCard key={clock.kind} clock={clock} />
      ))}
    </Stack>
  );
}

function SlaClockCard({ clock }: { clock: SlaClockView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="sla-clock" data-kind={clock.kind} data-state={clock.state}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {clock.title}
        </Text>
        <Badge color={stateTextColor(clock.color)} variant="filled" data-testid="sla-state">
          {clock.stateLabel}
        </Badge>
      </Group>
      <Progress value={Math.min(100, clock.percentUsed)} color={clock.color} size="sm" aria-label={clock.title} />
      <SimpleGrid cols={2} spacing={4} verticalSpacing={0}>
        <Stat label={t('sla.target')} value={clock.target} />
        <Stat label={t('sla.elapsed')} value={clock.elapsed} />
        <Stat
          label={t('sla.remaining')}
          value={clock.remaining}
          testId="sla-remaining"
          color={clock.color === 'red' ? stateTextColor('red') : undefined}
        />
        {clock.due && <Stat label={t('sla.due')} value={clock.due} testId="sla-due" />}
        {clock.stoppedAt && clock.state !== 'paused' && <Stat label={t('sla.stoppedAt')} value={clock.stoppedAt} />}
        {clock.breachedAt && <Stat label={t('sla.breachedAt')} value={clock.breachedAt} />}
      </SimpleGrid>
      <Box
        aria-hidden
        style={{ display: 'flex', height: 6, borderRadius: 3, overflow: 'hidden', background: 'var(--mantine-color-gray-1)' }}
      >
        {clock.segments.map((s) => (
          <div
            key={`${s.start}-${s.kind}`}
            title={`${s.kindLabel}: ${s.from} – ${s.to}`}
            style={{ width: `${s.widthPercent}%`, minWidth: 2, background: SEGMENT_COLORS[s.kind] }}
          />
        ))}
      </Box>
      <details open={clock.kind === 'resolution'}>
        <summary>
          <Text span size="xs" c="dimmed">
            {t('sla.timeline')}
          </Text>
        </summary>
        {clock.hiddenSegments > 0 && (
          <Text size="xs" c="dimmed">
            {t('sla.earlierSegments', { count: clock.hiddenSegments })}
          </Text>
        )}
        <Stack gap={2} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {clock.segments.map((s) => (
            <Box component="li" key={`${s.start}-${s.kind}`} data-testid="sla-segment" data-kind={s.kind}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Box mt={5} style={{ width: 8, height: 8, borderRadius: 4, flex: 'none', background: SEGMENT_COLORS[s.kind] }} />
                <Stack gap={0}>
                  <Text size="xs">
                    <Text span fw={500} size="xs">
                      {s.kindLabel}
                    </Text>
                    {s.detail ? ` (${s.detail})` : ''} · {s.duration}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.from} – {s.to}
                  </Text>
                  {s.cause && (
                    <Text size="xs" c="dimmed" data-testid="sla-segment-cause">
                      {s.cause}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Box>
          ))}
        </Stack>
      </details>
    </Stack>
  );
}

function Stat({ label, value, testId, color }: { label: string; value: string; testId?: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId} c={color}>
        {value}
      </Text>
    </Stack>
  );
}
