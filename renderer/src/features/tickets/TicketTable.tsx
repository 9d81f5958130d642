import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { Ticket } from '@shared';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../data/index.js';
import { useFormatters } from '../../ui/format.js';
import { useLabels } from '../../ui/labels.js';
import { PRIORITY_COLORS, STATUS_COLORS } from '../../ui/colors.js';

export function TicketTable({ tickets, loading }: { tickets: Ticket[]; loading: boolean }) {
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
              <Table.Td>
                <Anchor component={Link} to={`/tickets/${encodeURIComponent(ticket.id)}`} onClick={(e) => e.stopPropagation()}>
                  {ticket.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{ticket.title}</Table.Td>
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
