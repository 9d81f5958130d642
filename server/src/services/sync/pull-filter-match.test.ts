import { PGlite } from '@electric-sql/pglite';
import { ROLES, type Actor } from '@shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibilityConditions, type PullFilter } from '../../db/queries/pull.js';
import { pullFilterFor } from './pull-filter.js';
import { ticketScopeMatches, type TicketScope } from './pull-filter-match.js';

const users = ['u1', 'u2'];
const groupSets = [[], ['grp-field'], ['grp-field', 'grp-security'], ['grp-network']];
const scopes: TicketScope[] = [];
for (const security of [true, false, null])
  for (const groupId of ['grp-field', 'grp-network', 'grp-security', '', null])
    for (const assigneeId of ['u1', 'u2', '', null]) scopes.push({ security, groupId, assigneeId });

/** Every tickets filter the policy hands out for these users and groups, plus the shapes it could hand out later. */
function ticketFilters(): Extract<PullFilter, { kind: 'tickets' }>[] {
  const filters: Extract<PullFilter, { kind: 'tickets' }>[] = [];
  for (const role of ROLES)
    for (const id of users)
      for (const groupIds of groupSets)
        for (const collection of ['tickets', 'ticket_events', 'survey_responses'] as const) {
          const filter = pullFilterFor({ id, role, groupIds } satisfies Actor, collection);
          if (filter?.kind === 'tickets') filters.push(filter);
        }
  for (const seeSecurity of [true, false])
    filters.push(
      { kind: 'tickets', seeSecurity, restrictTo: { userId: 'u1', groupIds: ['grp-field'] }, assignedTo: 'u2' },
      { kind: 'tickets', seeSecurity, restrictTo: null, assignedTo: 'u1' },
    );
  return filters;
}

describe('ticketScopeMatches', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers as the pull SQL does for every filter and ticket scope', async () => {
    const filters = ticketFilters();
    expect(filters.length).toBeGreaterThan(20);
    const { conditions, params } = visibilityConditions('tickets', filters, 4);
    const columns = conditions.map((condition, i) => `COALESCE((${condition}), FALSE) AS v${i}`).join(', ');
    let compared = 0;
    for (const scope of scopes) {
      const [row] = (
        await db.query<Record<string, boolean>>(
          `SELECT ${columns} FROM (SELECT $1::boolean AS security, $2::text AS group_id, $3::text AS assignee_id) d`,
          [scope.security, scope.groupId, scope.assigneeId, ...params],
        )
      ).rows;
      filters.forEach((filter, i) => {
        expect(ticketScopeMatches(filter, scope), JSON.stringify({ filter, scope })).toBe(row[`v${i}`]);
        compared++;
      });
    }
    expect(compared).toBe(filters.length * scopes.length);
  });
});
