import { Stack } from '@mantine/core';
import type { Ticket } from '@shared';
import { can } from '@shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { byField, useViolationText } from '../../ui/violations.js';
import { CiImpactSummary } from '../cmdb/CiImpactSummary.js';
import { CiPicker } from '../cmdb/CiPicker.js';
import { LinkedCiFacts } from '../cmdb/LinkedCiFacts.js';
import { useCmdbLookup } from '../cmdb/use-cmdb.js';
import type { TicketDraft } from './use-ticket-draft.js';

const NONE: string[] = [];

/**
 * The ticket's affected CIs: chosen where the shared policy lets the reader change `ciIds`, their key facts, and
 * what they take down with the impact that suggests, taken into the draft (saved with the rest) on one click.
 */
export function TicketCiFields({ stored, draft }: { stored: Ticket; draft: TicketDraft }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cmdb = useCmdbLookup();
  const errors = byField(draft.violations, useViolationText());
  const v = draft.effective;
  const ciIds = v.ciIds ?? NONE;
  const editable = (field: keyof Ticket) => can(user, 'ticket.field.edit', { ticket: stored, field });
  return (
    <Stack gap="sm" data-testid="ticket-cis">
      <CiPicker
        cmdb={cmdb}
        value={ciIds}
        onChange={(ids) => draft.set('ciIds', ids)}
        label={t('ticketCis.label')}
        placeholder={t('ticketCis.placeholder')}
        readOnly={!editable('ciIds')}
        error={errors.ciIds}
        testId="field-cis"
      />
      <LinkedCiFacts cmdb={cmdb} ciIds={ciIds} />
      <CiImpactSummary
        cmdb={cmdb}
        ciIds={ciIds}
        impact={v.impact}
        onAccept={editable('impact') ? (impact) => draft.set('impact', impact) : undefined}
      />
    </Stack>
  );
}
