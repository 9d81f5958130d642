import { Anchor, Badge, Box, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { Ticket } from '@shared';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import type { QueueSort, SortColumn, TicketList } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useLabels } from '../../ui/labels.js';
import { PRIORITY_COLORS, STATUS_COLORS } from '../../ui/colors.js';
import { TicketBadges } from './TicketActions.js';
import { ProvisionalMark } from '../../ui/ProvisionalMark.js';
import { SlaQueueCell } from '../sla/SlaQueueCell.js';
import { useSlaSettings } from '../sla/use-sla-settings.js';

export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

const ROW_HEIGHT = 45;

function SortHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: SortColumn;
  label: string;
  sort: QueueSort;
  onSort: (s: QueueSort) => void;
}) {
  const active = sort.column === column;
  const next: QueueSort = { column, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" data-testid={`sort-${column}`}>
        {label}{' '}
        <span aria-hidden="true" style={{ opacity: active ? 1 : 0.3 }}>
          {active && sort.direction === 'desc' ? '▼' : '▲'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * The queue as a table that renders only the rows in view (plus a few), so 100,000 tickets scroll smoothly. Column
 * headers are buttons that sort (aria-sort says how); rows carry aria-rowindex for assistive technology.
 */
export function TicketTable({
  tickets,
  loading,
  selection,
  sort,
  onSort,
}: {
  tickets: TicketList;
  loading: boolean;
  selection?: Selection;
  sort: QueueSort;
  onSort: (s: QueueSort) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const directory = useDirectory();
  const navigate = useNavigate();
  const slaSettings = useSlaSettings();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0].start : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const columns = 7 + (selection ? 1 : 0);
  const allSelected =
    selection &&
    tickets.length > 0 &&
    selection.ids.size >= tickets.length &&
    tickets.slice().every((x) => selection.ids.has(x.id));

  const header = (column: SortColumn, label: string) => <SortHeader column={column} label={label} sort={sort} onSort={onSort} />;

  return (
    <Box ref={scroller} style={{ height: 'max(360px, calc(100vh - 360px))', overflow: 'auto' }} data-testid="queue-scroll">
      <Table highlightOnHover striped aria-busy={loading} aria-rowcount={tickets.length + 1} stickyHeader miw={760}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('bulk.selectAll', { n: tickets.length })}
                  checked={allSelected}
                  onChange={(e) =>
                    selection.setAll(
                      tickets.slice().map((x) => x.id),
                      e.currentTarget.checked,
                    )
                  }
                  data-testid="bulk-select-all"
                />
              </Table.Th>
            )}
            {header('number', t('ticket.number'))}
            {header('title', t('ticket.title'))}
            {header('status', t('ticket.status'))}
            {header('priority', t('ticket.priority'))}
            {header('assignee', t('ticket.assignee'))}
            {header('updated', t('ticket.updated'))}
            <Table.Th fz="sm">{t('sla.column')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={columns} />
            </tr>
          )}
          {items.map((item) => {
            const ticket: Ticket = tickets.at(item.index);
            return (
              <Table.Tr
                key={ticket.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                data-testid="ticket-row"
                data-ticket-id={ticket.id}
                data-number={ticket.number}
                onClick={() => void navigate(`/tickets/${encodeURIComponent(ticket.id)}`)}
                style={{ cursor: 'pointer' }}
              >
                {selection && (
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      aria-label={t('bulk.select', { number: ticket.number })}
                      checked={selection.ids.has(ticket.id)}
                      onChange={() => selection.toggle(ticket.id)}
                      data-testid="bulk-select"
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/tickets/${encodeURIComponent(ticket.id)}`} onClick={(e) => e.stopPropagation()}>
                    {ticket.number}
                  </Anchor>
                  <ProvisionalMark number={ticket.number} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <span>{ticket.title}</span>
                    <TicketBadges ticket={ticket} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[ticket.status]}>
                    {labels.status[ticket.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={PRIORITY_COLORS[ticket.priority]}>
                    {labels.priority[ticket.priority]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {ticket.assigneeId
                    ? (directory.byId.get(ticket.assigneeId)?.name ?? ticket.assigneeId)
                    : t('ticket.unassigned')}
                </Table.Td>
                <Table.Td title={fmt.dateTime(ticket.updatedAt)}>{fmt.ago(ticket.updatedAt)}</Table.Td>
                <Table.Td>
                  <SlaQueueCell ticket={ticket} settings={slaSettings} />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={columns} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {!loading && tickets.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('queue.empty')}
        </Text>
      )}
    </Box>
  );
}
