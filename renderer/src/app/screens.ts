import { can, type SessionUser } from '@shared';
import { canReadSlaSettings } from '../data/commands/sla-settings.js';
import { canManageSurveys } from '../data/commands/surveys.js';
import { canReadDirectoryAdmin } from '../data/commands/directory.js';
import { canSeeReports } from '../features/reports/access.js';

/** A screen of the console: its id, route, the palette's label key ("Go to …"), and its nav link's test id. */
export interface Screen {
  id: string;
  route: string;
  /** The navigation link's label key. */
  navKey: string;
  labelKey: string;
  navTestId: string;
}

/**
 * The screens this user reaches, in the navigation's order: the navigation and the command palette both list these,
 * so the palette never offers a screen the navigation hides. Each condition is a shared policy or data-layer
 * predicate; no role is named here.
 */
export function screensFor(user: SessionUser): Screen[] {
  const screen = (id: string, route: string, navKey: string, labelKey: string, shown = true): Screen[] =>
    shown ? [{ id, route, navKey, labelKey, navTestId: `nav-${id}` }] : [];
  return [
    ...screen('tickets', '/tickets', 'nav.tickets', 'palette.goQueue'),
    ...screen('kb', '/kb', 'nav.kb', 'palette.goKb'),
    ...screen('cmdb', '/cmdb', 'nav.cmdb', 'palette.goCmdb'),
    ...screen('problems', '/problems', 'nav.problems', 'palette.goProblems'),
    ...screen('changes', '/changes', 'nav.changes', 'palette.goChanges'),
    ...screen('conflicts', '/conflicts', 'nav.conflicts', 'palette.goConflicts'),
    ...screen('reports', '/reports', 'nav.reports', 'palette.goReports', canSeeReports(user.role)),
    ...screen('sla-admin', '/service-levels', 'nav.slaAdmin', 'palette.goSlaAdmin', canReadSlaSettings(user)),
    ...screen('held-mail', '/held-mail', 'nav.heldMail', 'palette.goHeldMail', can(user, 'mail.held.read')),
    ...screen('survey-design', '/surveys/design', 'nav.surveyDesign', 'palette.goSurveyDesign', canManageSurveys(user)),
    ...screen('admin', '/admin', 'nav.admin', 'palette.goAdmin', canReadDirectoryAdmin(user)),
  ];
}
