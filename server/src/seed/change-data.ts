import {
  CHANGE_SETTINGS_ID,
  DEFAULT_CHANGE_SETTINGS,
  RISK_QUESTIONS,
  changeFingerprint,
  localDate,
  newTicket,
  normalizeTicket,
  zonedInstant,
  type ChangeTemplate,
  type ChangeWindow,
  type RiskAnswer,
  type SettingDocument,
  type Ticket,
  type TicketEvent,
} from '@shared';
import { DEMO_USERS } from './directory-data.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = 'America/Toronto';

/** A medium-risk answer set (score 6): first time, tested in part, during business hours. */
const MEDIUM_RISK: RiskAnswer[] = [
  { questionId: 'scope', answer: 'one_ci' },
  { questionId: 'experience', answer: 'first_time' },
  { questionId: 'testing', answer: 'partial' },
  { questionId: 'backout', answer: 'simple' },
  { questionId: 'outage', answer: 'none' },
  { questionId: 'timing', answer: 'business_hours' },
];
/** The lowest answer to every question (score 0). */
const LOW_RISK: RiskAnswer[] = RISK_QUESTIONS.map((q) => ({ questionId: q.id, answer: q.answers[0].id }));

/** The next Saturday after `now`, at `minutes` past midnight in Toronto. */
function nextSaturday(now: number, minutes: number): number {
  let day = localDate(now + DAY, ZONE);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6) day = localDate(Date.parse(`${day}T12:00:00Z`) + DAY, ZONE);
  return zonedInstant(day, minutes, ZONE);
}

interface ChangeSeed {
  id: string;
  number: string;
  title: string;
  type: Ticket['changeType'];
  phase: Ticket['changePhase'];
  ciIds: string[];
  start: number;
  hours: number;
  risk: RiskAnswer[];
  extra?: Partial<Ticket>;
}

function change(seed: ChangeSeed, now: number): Ticket {
  const created = newTicket(
    {
      id: seed.id,
      type: 'change',
      title: seed.title,
      description: seed.title,
      impact: 2,
      urgency: 2,
      categoryId: 'cat-software-business',
      groupId: 'grp-apps',
      callerId: DEMO_USERS.agent.id,
      channel: 'portal',
      security: false,
      ciIds: seed.ciIds,
    },
    'usr-0012',
    now - 5 * DAY,
  );
  return normalizeTicket({
    ...created,
    number: seed.number,
    status: 'in_progress',
    assigneeId: 'usr-0012',
    changeType: seed.type,
    changePhase: seed.phase,
    changePlan: {
      reason: `${seed.title}: vendor support and security fixes.`,
      implementation: 'Take a snapshot, apply the update, restart the service.',
      test: 'Sign in and run the smoke tests of the runbook.',
      backout: 'Restore the snapshot taken before the update.',
    },
    riskAnswers: seed.risk,
    plannedStart: seed.start,
    plannedEnd: seed.start + seed.hours * HOUR,
    updatedAt: now - DAY,
    ...seed.extra,
  });
}

/**
 * The demo's change management: the change settings and windows (a weekly Saturday maintenance window for payroll,
 * a year-end freeze), and changes that show each part of the process: one awaiting the CAB whose window collides
 * with a scheduled change on the server it runs on, a standard change, and one implemented yesterday whose CI now
 * has an incident the desk suggests it caused.
 */
export function demoChangeManagement(now: number): { settings: SettingDocument[]; tickets: Ticket[]; events: TicketEvent[] } {
  const stamp = { updatedAt: now, updatedBy: DEMO_USERS.admin.id };
  const year = Number(localDate(now, ZONE).slice(0, 4));
  const windows: ChangeWindow[] = [
    {
      id: 'win-payroll-saturday',
      name: 'Payroll maintenance (Saturday night)',
      nameFr: 'Maintenance de la paie (nuit du samedi)',
      kind: 'maintenance',
      timeZone: ZONE,
      startDate: `${year}-01-03`,
      startMinutes: 120,
      durationMinutes: 240,
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      until: '',
      ciIds: ['ci-svc-pay'],
    },
    {
      id: 'win-year-end-freeze',
      name: 'Year-end freeze',
      nameFr: 'Gel de fin d’année',
      kind: 'blackout',
      timeZone: ZONE,
      startDate: `${year}-12-20`,
      startMinutes: 0,
      durationMinutes: 15 * 1440,
      rrule: 'FREQ=YEARLY',
      until: '',
      ciIds: [],
    },
  ];
  const templates: ChangeTemplate[] = [
    {
      id: 'tpl-backup-disks',
      name: 'Rotate the backup disks of a server',
      nameFr: 'Rotation des disques de sauvegarde d’un serveur',
      plan: {
        reason: 'Weekly off-site rotation of the backup disks.',
        implementation: 'Eject the disks, label them, insert the next set and start a full backup.',
        test: 'The full backup completes without error.',
        backout: 'Put the previous set back and restart the backup.',
      },
      active: true,
    },
    {
      id: 'tpl-restart-web',
      name: 'Restart a web application in its maintenance window',
      nameFr: 'Redémarrage d’une application Web dans sa fenêtre de maintenance',
      plan: {
        reason: 'Clear a memory leak the vendor has acknowledged.',
        implementation: 'Drain the node from the load balancer, restart the application, put the node back.',
        test: 'The health page answers and a user signs in.',
        backout: 'Leave the node out of the load balancer and call the vendor.',
      },
      active: true,
    },
  ];
  const settings: SettingDocument[] = [
    {
      id: CHANGE_SETTINGS_ID,
      kind: 'change_settings',
      data: { ...DEFAULT_CHANGE_SETTINGS, quorum: { ...DEFAULT_CHANGE_SETTINGS.quorum } },
      ...stamp,
    },
    ...windows.map((w) => ({
      id: w.id,
      kind: 'change_window' as const,
      data: w as unknown as Record<string, unknown>,
      ...stamp,
    })),
    ...templates.map((tpl) => ({
      id: tpl.id,
      kind: 'change_template' as const,
      data: tpl as unknown as Record<string, unknown>,
      ...stamp,
    })),
  ];
  const saturday = nextSaturday(now, 180);
  const tickets = [
    change(
      {
        id: 'chg-demo-1',
        number: 'CHG0001001',
        title: 'Upgrade the payroll database',
        type: 'normal',
        phase: 'awaiting_approval',
        ciIds: ['ci-db-pay'],
        start: saturday,
        hours: 2,
        risk: MEDIUM_RISK,
      },
      now,
    ),
    change(
      {
        id: 'chg-demo-2',
        number: 'CHG0001002',
        title: 'Patch the payroll server firmware',
        type: 'normal',
        phase: 'scheduled',
        ciIds: ['ci-srv-pay-db'],
        start: saturday + HOUR,
        hours: 2,
        risk: LOW_RISK,
      },
      now,
    ),
    change(
      {
        id: 'chg-demo-3',
        number: 'CHG0001003',
        title: 'Rotate the file server backup disks',
        type: 'standard',
        phase: 'scheduled',
        ciIds: ['ci-srv-file-ott'],
        start: saturday + 2 * DAY + 14 * HOUR,
        hours: 1,
        risk: [],
        extra: { changeTemplateId: templates[0].id, changePlan: templates[0].plan },
      },
      now,
    ),
    change(
      {
        id: 'chg-demo-4',
        number: 'CHG0001004',
        title: 'Update the file-sharing application',
        type: 'normal',
        phase: 'review',
        ciIds: ['ci-app-files'],
        start: now - 22 * HOUR,
        hours: 2,
        risk: LOW_RISK,
        extra: { implementedAt: now - 20 * HOUR, changeOutcome: 'successful' },
      },
      now,
    ),
  ];
  const approved = tickets[1];
  const events: TicketEvent[] = [
    {
      id: 'evt-demo-approval-1',
      ticketId: approved.id,
      kind: 'approval',
      authorId: 'usr-0015',
      occurredAt: now - 2 * DAY,
      body: 'Inside the Saturday window; back-out is simple.',
      minutes: 0,
      fromValue: changeFingerprint(approved),
      toValue: 'approved',
    },
  ];
  const incident = normalizeTicket({
    ...newTicket(
      {
        id: 'tkt-demo-after-change',
        type: 'incident',
        title: 'Shared folders open slowly since this morning',
        description: 'Opening any shared folder takes a minute.',
        impact: 2,
        urgency: 2,
        categoryId: 'cat-network-drive',
        groupId: 'grp-apps',
        callerId: 'usr-0002',
        channel: 'phone',
        security: false,
        ciIds: ['ci-app-files'],
      },
      DEMO_USERS.agent.id,
      now - 4 * HOUR,
    ),
    number: 'INC0009001',
  });
  return { settings, tickets: [...tickets, incident], events };
}
