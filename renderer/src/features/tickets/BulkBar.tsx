import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TicketStatus } from '@shared';
import { TICKET_STATUSES, problemPhaseOf } from '@shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { violationText } from '../../ui/violations.js';
import { useCurrentUser } from '../../app/session-context.js';
import { bulkUpdateTickets, useDb, useDirectory, useProblems } from '../../data/index.js';
import type { TicketPatch } from '../../data/index.js';
import { useLabels } from '../../ui/labels.js';

/**
 * Bulk assign, bulk status change and bulk link to a problem for the selected tickets; refusals (a request linked to
 * a problem, say) are reported ticket by ticket.
 */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const db = useDb();
  const user = useCurrentUser();
  const directory = useDirectory();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const allProblems = useProblems();
  // A closed problem takes no more incidents: its analysis is history.
  const problems = useMemo(
    () =>
      allProblems
        .filter((p) => problemPhaseOf(p) !== 'closed')
        .sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }))
        .map((p) => ({ value: p.id, label: `${p.number} · ${p.title}` })),
    [allProblems],
  );
  const [busy, setBusy] = useState(false);
  if (ids.length === 0) return null;

  const apply = async () => {
    const patch: TicketPatch = {};
    if (assignee) patch.assigneeId = assignee;
    if (status) patch.status = status as TicketStatus;
    if (problem) patch.problemId = problem;
    setBusy(true);
    try {
      const { updated, refused } = await bulkUpdateTickets(db, ids, patch, user);
      notifications.show({ color: 'green', message: t('bulk.done', { n: updated }) });
      for (const r of refused) {
        const reason = r.violations.map((v) => violationText(t, v)).join(' ');
        notifications.show({ color: 'red', message: t('bulk.refused', { number: r.number, reason }), autoClose: 10_000 });
      }
      onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xs" data-testid="bulk-bar">
      <Group align="flex-end">
        <Text size="sm" fw={600} data-testid="bulk-count">
          {t('bulk.selected', { n: ids.length })}
        </Text>
        <Select
          label={t('bulk.assign')}
          data={directory.users.map((u) => ({ value: u.id, label: u.name }))}
          value={assignee}
          onChange={setAssignee}
          searchable
          clearable
          data-testid="bulk-assignee"
          w={220}
        />
        <Select
          label={t('bulk.status')}
          data={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
          value={status}
          onChange={setStatus}
          clearable
          data-testid="bulk-status"
          w={180}
        />
        {problems.length > 0 && (
          <Select
            label={t('bulk.problem')}
            data={problems}
            value={problem}
            onChange={setProblem}
            searchable
            clearable
            data-testid="bulk-problem"
            w={260}
          />
        )}
        <Button onClick={() => void apply()} loading={busy} disabled={!assignee && !status && !problem} data-testid="bulk-apply">
          {t('bulk.apply')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('bulk.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
