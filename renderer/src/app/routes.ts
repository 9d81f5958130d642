/** The create-ticket form's route: File > New ticket (CmdOrCtrl+Alt+N) and the queue's New ticket button open it. */
export const CREATE_TICKET_ROUTE = '/tickets/new';

/** The CMDB's CSV import and export page (configuration managers and administrators). */
export const CMDB_IMPORT_ROUTE = '/cmdb/import';

/** The new-CI form (configuration managers and administrators: the CMDB list's New CI button opens it). */
export const CMDB_NEW_ROUTE = '/cmdb/new';
