/**
 * The create-ticket form's route once it exists: File > New ticket (CmdOrCtrl+Alt+N) then opens it. Null until the
 * form is built; the menu command shows a "coming soon" notice meanwhile.
 */
export const CREATE_TICKET_ROUTE: string | null = null;
