import { can, type SessionUser } from '@shared';
import { canReadSlaSettings } from '../../data/commands/sla-settings.js';
import { canManageSurveys } from '../../data/commands/surveys.js';
import { canReadDirectoryAdmin } from '../../data/commands/directory.js';
import { canSeeReports } from '../reports/access.js';

/** A screen of the navigation: its palette id, route, label key and the nav link's test id it stands for. */
export interface PaletteScreen {
  id: string;
  route: string;
  labelKey: string;
  navTestId: string;
}

/**
 * The screens the navigation shows this user, in its order. Each condition is the very predicate AppShellLayout asks
 * for its link (no role is named here), so the palette never offers a screen the navigation hides; the e2e
 * console-palette spec compares the two lists for a technician and a supervisor.
 */
export function paletteScreens(user: SessionUser): PaletteScreen[] {
  const screen = (id: string, route: string, labelKey: string, navTestId: string, shown = true) =>
    shown ? [{ id, route, labelKey, navTestId }] : [];
  return [
    ...screen('queue', '/tickets', 'palette.goQueue', 'nav-tickets'),
    ...screen('kb', '/kb', 'palette.goKb', 'nav-kb'),
    ...screen('cmdb', '/cmdb', 'palette.goCmdb', 'nav-cmdb'),
    ...screen('problems', '/problems', 'palette.goProblems', 'nav-problems'),
    ...screen('changes', '/changes', 'palette.goChanges', 'nav-changes'),
    ...screen('conflicts', '/conflicts', 'palette.goConflicts', 'nav-conflicts'),
    ...screen('reports', '/reports', 'palette.goReports', 'nav-reports', canSeeReports(user.role)),
    ...screen('sla-admin', '/service-levels', 'palette.goSlaAdmin', 'nav-sla-admin', canReadSlaSettings(user)),
    ...screen('held-mail', '/held-mail', 'palette.goHeldMail', 'nav-held-mail', can(user, 'mail.held.read')),
    ...screen('survey-design', '/surveys/design', 'palette.goSurveyDesign', 'nav-survey-design', canManageSurveys(user)),
    ...screen('admin', '/admin', 'palette.goAdmin', 'nav-admin', canReadDirectoryAdmin(user)),
  ];
}
