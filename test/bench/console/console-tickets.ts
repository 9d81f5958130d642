import type { KbArticle, Level, Ticket, TicketStatus } from '@shared';
import { buildTicket } from '@shared/testing/build-records.js';

export const GROUPS = ['grp-service-desk', 'grp-field', 'grp-network', 'grp-apps'];
export const CATEGORIES = ['cat-hardware', 'cat-network', 'cat-software', 'cat-access', ''];
export const USERS = Array.from({ length: 40 }, (_, i) => `usr-${String(i).padStart(4, '0')}`);
const SUBJECTS = [
  'printer jammed',
  'VPN disconnects',
  'password expired',
  'laptop screen flickers',
  'email not syncing',
  'shared drive unreachable',
  'Wi-Fi drops',
  'new account request',
];
const STATUSES: TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'];
const DAY = 86_400_000;

/** A valid ticket of a varied queue: every status, priority, group, category, 0-60 days old, some escalated. */
export function benchTicket(i: number, now: number, prefix = 't'): Ticket {
  const impact = ((i % 3) + 1) as Level;
  const urgency = (((i >> 3) % 3) + 1) as Level;
  const status = STATUSES[(i * 7) % STATUSES.length];
  const updatedAt = now - i * 1000;
  const done = status === 'resolved' || status === 'closed';
  // The one ticket builder; priority and queue key follow from impact, urgency and updatedAt.
  return buildTicket({
    id: `${prefix}-${i}`,
    number: `INC${String(i).padStart(7, '0')}`,
    type: i % 4 === 0 ? 'request' : 'incident',
    title: `${SUBJECTS[i % SUBJECTS.length]} (${i})`,
    description: 'Generated for the console benchmark.',
    status,
    pendingReason: status === 'pending' ? 'customer' : '',
    impact,
    urgency,
    categoryId: CATEGORIES[(i >> 2) % CATEGORIES.length],
    groupId: GROUPS[i % GROUPS.length],
    assigneeId: status === 'new' || i % 11 === 0 ? '' : USERS[i % USERS.length],
    callerId: USERS[(i * 3) % USERS.length],
    resolutionCode: done ? 'fixed' : '',
    resolutionNotes: done ? 'Done.' : '',
    createdAt: updatedAt - ((i * 7919) % 60) * DAY,
    updatedAt,
    updatedBy: USERS[0],
    escalationTier: i % 17 === 0 ? 2 : 1,
    escalatedToSupervisor: i % 53 === 0,
    // A major incident has a manager and stays open (closing one needs a post-incident review).
    ...(i % 997 === 0 && !done ? { major: true, majorManagerId: USERS[2] } : { major: false }),
  });
}

/** A published bilingual article about one of the ticket subjects. */
export function benchArticle(i: number): KbArticle {
  const s = SUBJECTS[i % SUBJECTS.length];
  return {
    id: `kb-${i}`,
    number: `KB${String(i).padStart(7, '0')}`,
    title: { en: `How to fix: ${s} #${i}`, fr: `Comment régler : ${s} no ${i} (réseau, sécurité)` },
    body: {
      en: `Steps to solve ${s}. Restart, check the cable, call the desk. `.repeat(5),
      fr: `Étapes pour résoudre ${s}. Redémarrez, vérifiez le câble. `.repeat(5),
    },
    status: 'published',
    categoryId: '',
    tags: ['howto', s.split(' ')[0]],
    version: 1,
    authorId: USERS[1],
    updatedAt: i,
  };
}
