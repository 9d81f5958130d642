import { LANGUAGES, TICKET_STATUSES, TICKET_TYPES } from '@shared';
import { z } from 'zod';

const contact = z
  .object({
    email: z.string().max(254, 'An e-mail address has at most 254 characters.'),
    name: z.string().max(200).optional(),
    language: z.enum(LANGUAGES, { message: 'language must be "en" or "fr".' }),
  })
  .strict();

const ticketFilter = z
  .object({
    statuses: z.array(z.enum(TICKET_STATUSES)).min(1).max(TICKET_STATUSES.length).optional(),
    groupId: z.string().min(1).max(40).optional(),
    categoryId: z.string().min(1).max(40).optional(),
    type: z.enum(TICKET_TYPES).optional(),
    updatedFrom: z.number().int().min(0).optional(),
    updatedTo: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((f) => Object.keys(f).length > 0, {
    message: 'Give at least one condition (statuses, groupId, categoryId, type, updatedFrom, updatedTo).',
  });

const surveyId = z.string().min(1).max(40);

/** POST /api/surveys/campaigns: a survey and either contacts or a ticket filter, not both. */
export const campaignBody = z.union(
  [
    z
      .object({
        surveyId,
        contacts: z.array(contact).min(1, 'Give at least one contact.').max(1000, 'At most 1000 contacts per campaign.'),
      })
      .strict(),
    z.object({ surveyId, ticketFilter }).strict(),
  ],
  { message: 'Send {surveyId, contacts: [{email, name?, language}]} or {surveyId, ticketFilter: {...}}, not both.' },
);
