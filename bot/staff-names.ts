import type { Db } from '../api/db/types.js';
import { loadUserBySlackId } from '../api/users/queries.js';
import type { GarageException } from '../shared/corrections.js';
import { slackUserOf } from './blocks/person.js';

/**
 * Requests with the Slack users who asked or decided named as people know them — the username of
 * the staff account their Slack user is linked to — where they have one (the API names a Slack
 * actor "Slack user U…"). For plain-text lines; blocks mention Slack users (`<@U…>`) anyway.
 */
export async function namedByStaff(sql: Db, requests: readonly GarageException[]): Promise<GarageException[]> {
  const slackUsers = [...new Set(requests.flatMap((e) => [e.requestedBy, e.decidedBy ?? '']).map(slackUserOf).filter((u): u is string => u !== null))];
  const names = new Map<string, string>();
  await Promise.all(
    slackUsers.map(async (u) => {
      const staff = await loadUserBySlackId(sql, u);
      if (staff) names.set(`slack:${u}`, staff.username);
    }),
  );
  return requests.map((e) => ({
    ...e,
    requestedByName: names.get(e.requestedBy) ?? e.requestedByName,
    decidedByName: e.decidedBy ? (names.get(e.decidedBy) ?? e.decidedByName) : e.decidedByName,
  }));
}

/** One request, named as `namedByStaff` names them. */
export async function namedRequest(sql: Db, e: GarageException): Promise<GarageException> {
  const [named] = await namedByStaff(sql, [e]);
  return named!;
}
