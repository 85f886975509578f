import type { DataSource } from 'typeorm';
import { isUuid } from '@gridgov/platform-errors';
import { IdentityDisplay, maskName } from '@gridgov/org-data-access';
import { RESIDENT_SUBJECT_PREFIX } from './org-facts.query';

/** Shown for a volunteer whose name org does not hold. */
export const UNNAMED_VOLUNTEER = '志愿者';

/**
 * Public names of honour board subjects (a party member's id or `resident:<id>`), in order: a member
 * as their 亮身份 choice allows (HIDDEN → null, MASKED → 王**), a resident volunteer always masked.
 */
export async function honourBoardNames(
  dataSource: DataSource,
  subjectIds: readonly string[],
): Promise<(string | null)[]> {
  const residentOf = (id: string) =>
    id.startsWith(RESIDENT_SUBJECT_PREFIX) ? id.slice(RESIDENT_SUBJECT_PREFIX.length) : null;
  const memberIds = subjectIds.filter((id) => residentOf(id) === null && isUuid(id));
  const residentIds = subjectIds.map(residentOf).filter((id): id is string => id !== null && isUuid(id));
  const [members, residents]: [
    { id: string; name: string; identity_display: IdentityDisplay }[],
    { resident_id: string; name: string }[],
  ] = await Promise.all([
    memberIds.length
      ? dataSource.query(
          `SELECT id::text, name, identity_display FROM party_member WHERE id = ANY($1::uuid[])`,
          [memberIds],
        )
      : [],
    // The name they last signed up with.
    residentIds.length
      ? dataSource.query(
          `SELECT DISTINCT ON (resident_id) resident_id::text, name FROM volunteer_signup
            WHERE resident_id = ANY($1::uuid[]) AND party_member_id IS NULL
            ORDER BY resident_id, created_at DESC`,
          [residentIds],
        )
      : [],
  ]);
  const memberName = new Map(
    members.map((m) => [
      m.id,
      m.identity_display === IdentityDisplay.FULL
        ? m.name
        : m.identity_display === IdentityDisplay.MASKED
          ? maskName(m.name)
          : null,
    ]),
  );
  const residentName = new Map(residents.map((r) => [r.resident_id, maskName(r.name)]));
  return subjectIds.map((id) => {
    const resident = residentOf(id);
    if (resident === null) return memberName.get(id.toLowerCase()) ?? null;
    return residentName.get(resident.toLowerCase()) ?? UNNAMED_VOLUNTEER;
  });
}
