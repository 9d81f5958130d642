import { Anchor, Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import type { Ticket } from '@shared';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useLabels } from '../../ui/labels.js';
import { PRIORITY_COLORS, STATUS_COLORS } from '../../ui/colors.js';
import { TicketBadges } from './TicketActions.js';
import { ProvisionalMark } from '../../ui/ProvisionalMark.js';

export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

export function TicketTable({ tickets, loading, selection }: { tickets: Ticket[]; loading: boolean; selection?: Selection }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const directory = useDirectory();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover striped aria-busy={loading}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('bulk.selectAll')}
                  checked={tickets.length > 0 && tickets.every((x) => selection.ids.has(x.id))}
                  onChange={(e) =>
                    selection.setAll(
                      tickets.map((x) => x.id),
                      e.currentTarget.checked,
                    )
                  }
                  data-testid="bulk-select-all"
                />
              </Table.Th>
            )}
            <Table.Th>{t('ticket.number')}</Table.Th>
            <Table.Th>{t('ticket.title')}</Table.Th>
            <Table.Th>{t('ticket.status')}</Table.Th>
            <Table.Th>{t('ticket.priority')}</Table.Th>
            <Table.Th>{t('ticket.assignee')}</Table.Th>
            <Table.Th>{t('ticket.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => (
            <Table.Tr
              key={ticket.id}
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
                {ticket.assigneeId ? (directory.byId.get(ticket.assigneeId)?.name ?? ticket.assigneeId) : t('ticket.unassigned')}
              </Table.Td>
              <Table.Td title={fmt.dateTime(ticket.updatedAt)}>{fmt.ago(ticket.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!loading && tickets.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('queue.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
