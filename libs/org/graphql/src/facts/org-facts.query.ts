import type { DataSource } from 'typeorm';

/** Whom an assessment scheme can rate; org owns every kind of subject. */
export enum FactSubjectKind {
  GRID_WORKER = 'GRID_WORKER',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  DEPARTMENT = 'DEPARTMENT',
  PARTY_BRANCH = 'PARTY_BRANCH',
  PARTY_MEMBER = 'PARTY_MEMBER',
}

export interface SubjectFact {
  /** Account, department, party organisation or member id, `resident:<id>`; a unit's 12-digit code. */
  id: string;
  /** Where the subject sits: a grid worker's grid, otherwise a 12-digit unit code. */
  unitCode: string;
}

/** The subject id of a volunteer who is not a party member: `resident:` and grid-service's resident id. */
export const RESIDENT_SUBJECT_PREFIX = 'resident:';

/** Every subject of a kind under a code prefix. `$1` is the `LIKE` pattern. */
const SUBJECTS: Record<FactSubjectKind, string> = {
  // A grid worker responsible for several grids is rated once, for the first of them.
  [FactSubjectKind.GRID_WORKER]: `
    SELECT DISTINCT ON (g.account_id) g.account_id::text AS id, g.scope_code AS unit_code
      FROM role_grant g JOIN account a ON a.id = g.account_id AND NOT a.disabled
     WHERE g.role = 'GRID_WORKER' AND length(g.scope_code) = 15 AND g.scope_code LIKE $1
     ORDER BY g.account_id, g.scope_code`,
  [FactSubjectKind.COMMUNITY]: `SELECT code AS id, code AS unit_code FROM admin_unit WHERE level = 'COMMUNITY' AND code LIKE $1`,
  [FactSubjectKind.STREET]: `SELECT code AS id, code AS unit_code FROM admin_unit WHERE level = 'STREET' AND code LIKE $1`,
  [FactSubjectKind.DEPARTMENT]: `SELECT id::text, unit_code FROM department WHERE unit_code LIKE $1`,
  [FactSubjectKind.PARTY_BRANCH]: `
    SELECT id::text, unit_code FROM party_organization
     WHERE level IN ('GENERAL_BRANCH', 'BRANCH') AND unit_code LIKE $1`,
  // Volunteers who are no party members count too, as `resident:<id>` (subject ids say what they are).
  [FactSubjectKind.PARTY_MEMBER]: `
    SELECT id::text, unit_code FROM party_member WHERE unit_code LIKE $1
    UNION ALL
    SELECT '${RESIDENT_SUBJECT_PREFIX}' || s.resident_id, min(a.unit_code)
      FROM volunteer_signup s JOIN volunteer_activity a ON a.id = s.activity_id
     WHERE s.party_member_id IS NULL AND s.resident_id IS NOT NULL AND a.unit_code LIKE $1
     GROUP BY s.resident_id`,
};

export async function subjectFacts(
  dataSource: DataSource,
  kind: FactSubjectKind,
  codePrefix: string,
): Promise<SubjectFact[]> {
  const rows: { id: string; unit_code: string }[] = await dataSource.query(`${SUBJECTS[kind]} LIMIT 200000`, [
    `${codePrefix}%`,
  ]);
  return rows.map((row) => ({ id: row.id, unitCode: row.unit_code }));
}

export interface VolunteerHoursFact {
  partyMemberId: string | null;
  residentId: string | null;
  unitCode: string;
  hours: number;
}

/** Checked-out service time per volunteer (party member or resident) for activities starting in [from, to). */
export async function volunteerHoursFacts(
  dataSource: DataSource,
  filter: { codePrefix: string; from: Date; to: Date },
): Promise<VolunteerHoursFact[]> {
  const rows: {
    party_member_id: string | null;
    resident_id: string | null;
    unit_code: string;
    minutes: string;
  }[] = await dataSource.query(
    `SELECT s.party_member_id, s.resident_id, min(a.unit_code) AS unit_code, sum(s.service_minutes) AS minutes
         FROM volunteer_signup s JOIN volunteer_activity a ON a.id = s.activity_id
        WHERE a.unit_code LIKE $1 AND a.starts_at >= $2 AND a.starts_at < $3
          AND s.service_minutes IS NOT NULL AND (s.party_member_id IS NOT NULL OR s.resident_id IS NOT NULL)
        GROUP BY 1, 2`,
    [`${filter.codePrefix}%`, filter.from, filter.to],
  );
  return rows.map((row) => ({
    partyMemberId: row.party_member_id,
    residentId: row.resident_id,
    unitCode: row.unit_code,
    hours: Number(row.minutes) / 60,
  }));
}

export interface MeetingComplianceFact {
  branchId: string;
  unitCode: string;
  /** Meetings the 三会一课 rules ask for in the period (fractional for rules longer than it). */
  required: number;
  /** Held meetings counted up to what each rule asks for. */
  held: number;
}

const MONTHS = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** 三会一课 compliance per branch: for each meeting rule of the branch's kind, held vs required in [from, to). */
export async function meetingComplianceFacts(
  dataSource: DataSource,
  filter: { codePrefix: string; from: Date; to: Date },
): Promise<MeetingComplianceFact[]> {
  const months = Math.max(
    1,
    Math.round((filter.to.getTime() - filter.from.getTime()) / (30.44 * 24 * 3600 * 1000)),
  );
  const rows: { branch_id: string; unit_code: string; required: string; held: string }[] =
    await dataSource.query(
      `WITH owed AS (
       SELECT o.id, o.unit_code, r.meeting_kind,
              $4::numeric / CASE r.period WHEN 'MONTH' THEN ${MONTHS.MONTH} WHEN 'QUARTER' THEN ${MONTHS.QUARTER} ELSE ${MONTHS.YEAR} END AS required
         FROM party_organization o JOIN meeting_rule r ON r.branch_kind = o.kind
        WHERE o.level IN ('GENERAL_BRANCH', 'BRANCH') AND o.unit_code LIKE $1
     )
     SELECT owed.id AS branch_id, owed.unit_code, sum(owed.required) AS required,
            sum(least(owed.required, m.held)) AS held
       FROM owed CROSS JOIN LATERAL (
         SELECT count(*) AS held FROM party_meeting pm
          WHERE pm.branch_id = owed.id AND pm.kind = owed.meeting_kind AND pm.held_on >= $2::date AND pm.held_on < $3::date
       ) m
      GROUP BY owed.id, owed.unit_code`,
      [`${filter.codePrefix}%`, filter.from, filter.to, months],
    );
  return rows.map((row) => ({
    branchId: row.branch_id,
    unitCode: row.unit_code,
    required: Number(row.required),
    held: Number(row.held),
  }));
}
