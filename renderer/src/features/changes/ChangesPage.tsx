import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { calendarEntryOf, changePhaseOf, decisionOpen } from '@shared';
import { addDays, addMonths, addWeeks, endOfMonth, endOfWeek, format, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { approvalStateOf, useChangeBoards, useDb } from '../../data/index.js';
import { useObservable } from '../../data/hooks/use-observable.js';
import { useFormatters } from '../../ui/format.js';
import type { TicketEvent } from '@shared';
import { map } from 'rxjs';
import { useChangeCalendar } from './use-change-calendar.js';
import { WARNING_COLOR } from './change-colors.js';

type View = 'month' | 'week' | 'list';
const PHASE_COLORS: Record<string, string> = { awaiting_approval: 'yellow', scheduled: 'blue', implementing: 'grape' };

/**
 * The change calendar (month, week and list of the changes holding a slot: awaiting approval, scheduled, being
 * implemented), each change flagged with how many collisions it has, and the approvals waiting for this user.
 */
export function ChangesPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="changes-page">
      <Title order={2}>{t('changes.pageTitle')}</Title>
      <Tabs defaultValue="calendar" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="calendar" data-testid="changes-tab-calendar">
            {t('changes.calendar.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="approvals" data-testid="changes-tab-approvals">
            {t('changes.myApprovals.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          <ChangeCalendar />
        </Tabs.Panel>
        <Tabs.Panel value="approvals" pt="md">
          <MyApprovals />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ChangeCalendar() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { locale } = fmt;
  const calendar = useChangeCalendar();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(() => startOfDay(Date.now()).getTime());
  const entries = useMemo(
    () =>
      (calendar.changes ?? [])
        .filter((c) => calendarEntryOf(c) !== null)
        .map((c) => ({ change: c, collisions: calendar.collisionsOf(c).length }))
        .sort((a, b) => a.change.plannedStart! - b.change.plannedStart!),
    [calendar],
  );
  const range =
    view === 'month'
      ? {
          from: startOfWeek(startOfMonth(anchor), { locale }).getTime(),
          to: endOfWeek(endOfMonth(anchor), { locale }).getTime() + 1,
        }
      : view === 'week'
        ? { from: startOfWeek(anchor, { locale }).getTime(), to: endOfWeek(anchor, { locale }).getTime() + 1 }
        : { from: anchor, to: addMonths(anchor, 3).getTime() };
  const shown = entries.filter((e) => e.change.plannedStart! < range.to && e.change.plannedEnd! > range.from);
  const step = (n: number) => setAnchor((view === 'week' ? addWeeks(anchor, n) : addMonths(anchor, n)).getTime());
  const days: number[] = [];
  if (view !== 'list') for (let d = range.from; d < range.to; d = addDays(d, 1).getTime()) days.push(d);
  const label = (e: { change: Ticket; collisions: number }) => (
    <Anchor component={Link} to={`/tickets/${e.change.id}`} size="xs" data-testid="calendar-change" data-change-id={e.change.id}>
      <Badge size="xs" color={PHASE_COLORS[changePhaseOf(e.change)] ?? 'gray'} variant="light" mr={4}>
        {fmt.time(e.change.plannedStart!)}
      </Badge>
      {e.change.number}
      {e.collisions > 0 && (
        <Badge size="xs" variant="outline" color={WARNING_COLOR} ml={4} data-testid="calendar-collision-count">
          ⚠ {e.collisions}
        </Badge>
      )}
    </Anchor>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => step(-1)} aria-label={t('changes.calendar.previous')}>
            ←
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setAnchor(startOfDay(Date.now()).getTime())}>
            {t('changes.calendar.today')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => step(1)} aria-label={t('changes.calendar.next')}>
            →
          </Button>
          <Text fw={500} data-testid="calendar-range">
            {view === 'month'
              ? format(anchor, 'LLLL yyyy', { locale })
              : `${format(range.from, 'PP', { locale })} – ${format(range.to - 1, 'PP', { locale })}`}
          </Text>
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v)}
          data={[
            { value: 'month', label: t('changes.calendar.month') },
            { value: 'week', label: t('changes.calendar.week') },
            { value: 'list', label: t('changes.calendar.list') },
          ]}
          data-testid="calendar-view"
        />
      </Group>
      {view === 'list' ? (
        shown.length === 0 ? (
          <Text c="dimmed">{t('changes.calendar.empty')}</Text>
        ) : (
          <Table striped withTableBorder data-testid="calendar-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('changes.calendar.when')}</Table.Th>
                <Table.Th>{t('changes.calendar.change')}</Table.Th>
                <Table.Th>{t('changes.phaseLabel')}</Table.Th>
                <Table.Th>{t('changes.calendar.collisions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((e) => (
                <Table.Tr key={e.change.id} data-testid="calendar-row" data-change-id={e.change.id}>
                  <Table.Td>
                    {fmt.dateTime(e.change.plannedStart!)} – {fmt.dateTime(e.change.plannedEnd!)}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${e.change.id}`}>
                      {e.change.number}
                    </Anchor>{' '}
                    {e.change.title}
                  </Table.Td>
                  <Table.Td>{t(`changes.phase.${changePhaseOf(e.change)}`)}</Table.Td>
                  <Table.Td>
                    {e.collisions > 0 ? (
                      <Badge variant="outline" color={WARNING_COLOR}>
                        {e.collisions}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : (
        <div
          role="grid"
          aria-label={t('changes.calendar.tab')}
          data-testid={`calendar-${view}`}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}
        >
          {days.slice(0, 7).map((d) => (
            <Text key={`h${d}`} size="xs" fw={500} ta="center" role="columnheader">
              {format(d, 'EEE', { locale })}
            </Text>
          ))}
          {days.map((d) => {
            const next = addDays(d, 1).getTime();
            const inDay = shown.filter((e) => e.change.plannedStart! < next && e.change.plannedEnd! > d);
            const dimmed = view === 'month' && new Date(d).getMonth() !== new Date(anchor).getMonth();
            return (
              <Stack
                key={d}
                gap={2}
                role="gridcell"
                p={4}
                mih={view === 'week' ? 200 : 80}
                style={{ border: '1px solid var(--mantine-color-gray-3)', opacity: dimmed ? 0.6 : 1 }}
                data-testid="calendar-day"
                data-day={format(d, 'yyyy-MM-dd')}
              >
                <Text size="xs" c="dimmed">
                  {format(d, 'd', { locale })}
                </Text>
                {inDay.map((e) => (
                  <div key={e.change.id}>{label(e)}</div>
                ))}
              </Stack>
            );
          })}
        </div>
      )}
    </Stack>
  );
}

/** Changes awaiting approval where this user sits on the board and has no current decision (asked again when stale). */
function MyApprovals() {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const fmt = useFormatters();
  const boards = useChangeBoards();
  const calendar = useChangeCalendar();
  const awaiting = (calendar.changes ?? []).filter(decisionOpen);
  const ids = awaiting.map((c) => c.id).join(',');
  // By ticket (the events' index), never by kind: a device holds hundreds of thousands of history entries.
  const events = useObservable(
    () =>
      ids === ''
        ? null
        : db.ticket_events
            .find({ selector: { ticketId: { $in: ids.split(',') } } })
            .$.pipe(map((docs) => docs.map((d) => d.toJSON() as TicketEvent).filter((e) => e.kind === 'approval'))),
    [db, ids],
    [] as TicketEvent[],
  );
  const mine = awaiting
    .map((change) => ({
      change,
      state: approvalStateOf(
        change,
        events.filter((e) => e.ticketId === change.id),
        boards,
      ),
    }))
    .filter(({ state }) => state.waitingFor.includes(user.id));
  if (mine.length === 0) {
    return (
      <Text c="dimmed" data-testid="my-approvals-empty">
        {t('changes.myApprovals.empty')}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder data-testid="my-approvals">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('changes.calendar.change')}</Table.Th>
          <Table.Th>{t('changes.calendar.when')}</Table.Th>
          <Table.Th>{t('changes.myApprovals.standing')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mine.map(({ change, state }) => (
          <Table.Tr key={change.id} data-testid="my-approval" data-change-id={change.id}>
            <Table.Td>
              <Anchor component={Link} to={`/tickets/${change.id}`}>
                {change.number}
              </Anchor>{' '}
              {change.title}
            </Table.Td>
            <Table.Td>{change.plannedStart ? fmt.dateTime(change.plannedStart) : '—'}</Table.Td>
            <Table.Td>
              {t('changes.approval.count', { approvals: state.approvals, required: state.required })}
              {state.decisions.some((d) => d.approverId === user.id && !d.current) && ` · ${t('changes.myApprovals.askedAgain')}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
