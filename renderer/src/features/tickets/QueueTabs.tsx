import { ScrollArea, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NAMED_QUEUES } from '../../data/index.js';
import type { NamedQueue } from '../../data/index.js';
import { asQueue } from './queue-url.js';

/** The named queues as a segmented control (each option has the test id `queue-<name>`). */
export function QueueTabs({ value, onChange }: { value: NamedQueue; onChange: (q: NamedQueue) => void }) {
  const { t } = useTranslation();
  const label: Record<NamedQueue, string> = {
    all: t('queues.all'),
    mine: t('queues.mine'),
    groups: t('queues.groups'),
    unassigned: t('queues.unassigned'),
    escalated: t('queues.escalated'),
    major: t('queues.major'),
    open: t('queues.open'),
  };
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <SegmentedControl
        aria-label={t('queues.label')}
        value={value}
        onChange={(v) => onChange(asQueue(v))}
        data={NAMED_QUEUES.map((q) => ({ value: q, label: <span data-testid={`queue-${q}`}>{label[q]}</span> }))}
        data-testid="queue-tabs"
      />
    </ScrollArea>
  );
}
