import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Ticket } from '@shared';
import { TICKET_TEXT_LIMITS, can, changePhaseOf } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session-context.js';
import { addChangeTask, canManageChanges, useDb, useDirectory } from '../../data/index.js';
import { useChildTickets } from '../../data/hooks/child-tickets.js';
import { useLabels } from '../../ui/labels.js';
import { useViolationText } from '../../ui/violations.js';
import { useDirectoryNames } from '../cmdb/use-directory-names.js';
import { ErrorLines } from '../problems/FormFeedback.js';

/**
 * The change's tasks (tickets of type task under it), with who does each and where it stands; change managers add
 * one for a person who works tickets, who completes it from their own queue (offline in the field too).
 */
export function ChangeTasks({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const nameOf = useDirectoryNames();
  const { users } = useDirectory();
  const tasks = useChildTickets(ticket.id).filter((c) => c.type === 'task');
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const workers = users.filter((u) => u.role !== '' && can({ id: u.id, role: u.role, groupIds: u.groupIds }, 'tickets.work'));
  const open = !['closed', 'cancelled', 'rejected'].includes(changePhaseOf(ticket));

  const add = async () => {
    const assignee = workers.find((u) => u.id === assigneeId);
    const result = await addChangeTask(db, ticket.id, { title, assigneeId: assignee?.id ?? '' }, user);
    setErrors(result.violations.map(text));
    if (result.task) {
      setTitle('');
      setAssigneeId(null);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="change-tasks-title" data-testid="change-tasks">
      <Title order={4} size="h6" id="change-tasks-title">
        {t('changes.tasks.title')}
      </Title>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('changes.tasks.none')}
        </Text>
      ) : (
        <Table fz="sm" withTableBorder>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id} data-testid="change-task" data-status={task.status}>
                <Table.Td>
                  <Anchor component={Link} to={`/tickets/${task.id}`}>
                    {task.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{task.title}</Table.Td>
                <Table.Td>
                  {task.assigneeId ? (nameOf(task.assigneeId) ?? task.assigneeId) : t('changes.tasks.unassigned')}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={task.status === 'resolved' || task.status === 'closed' ? 'green' : 'gray'}>
                    {labels.status[task.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && canManageChanges(user) && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('changes.tasks.newTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={TICKET_TEXT_LIMITS.title}
            data-testid="change-task-title"
          />
          <Select
            label={t('changes.tasks.assignee')}
            data={workers.map((u) => ({ value: u.id, label: u.name }))}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            clearable
            data-testid="change-task-assignee"
          />
          <Button size="compact-sm" onClick={() => void add()} data-testid="change-task-add">
            {t('changes.tasks.add')}
          </Button>
        </Group>
      )}
      <ErrorLines errors={errors} />
    </Stack>
  );
}
