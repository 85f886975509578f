import { randomUUID } from 'node:crypto';
import { Role } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import { signInPeople } from './testing/sign-in-people';

const COMMUNITY = '520303001001';
/** October 2026 in China time. */
const IN_PERIOD = (day: number) => new Date(`2026-10-${String(day).padStart(2, '0')}T09:00:00+08:00`);
/** The scheme's one indicator: 100 × min(1, hours / 4) for a month. */
const points = (hours: number) => 100 * Math.min(1, hours / 4);

/** Party members with their 亮身份 choice, and a resident volunteer who is no member; hours served in October. */
const PEOPLE = [
  { name: '王建国', display: 'FULL', hours: 5, member: true },
  { name: '李秀英', display: 'MASKED', hours: 3, member: true },
  { name: '张伟', display: 'HIDDEN', hours: 2, member: true },
  { name: '赵小红', display: null, hours: 1.5, member: false },
] as const;

type Entry = { rank: number; kind: string; name: string | null; points: number; period: string };
const BOARD = `{ honourBoard(unitCode: "520303", first: 10) { rank kind name points period } }`;

// 红色文明榜 through the gateway: a run of a public party-member scheme counts non-member volunteers
// too, and anyone reads the board with names only as 亮身份 and masking allow, and no ids.
describe('assessment honour board through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;

  /** The data of a query that must succeed, as `who` (null: anonymous). */
  const data = async <T>(who: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const result = await graph.query<T>(query, variables, who ? tokens[who] : undefined);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createAssessmentSubgraph({
        facts: { gatewayUrl: () => graph.gateway.url, accessTokenSecret: s.accessTokenSecret },
      }),
    ]);
    ({ tokens } = await signInPeople(graph, [['assessor', Role.ASSESSOR, '520303']]));

    const org = graph.subgraphs['org'].dataSource;
    const [branch] = await org.query(
      `INSERT INTO party_organization (unit_code, level, kind, name) VALUES ($1, 'BRANCH', 'GRID', '第一网格党支部') RETURNING id`,
      [COMMUNITY],
    );
    const [team] = await org.query(
      `INSERT INTO volunteer_team (unit_code, name) VALUES ($1, '红色志愿服务队') RETURNING id`,
      [COMMUNITY],
    );
    const [activity] = await org.query(
      `INSERT INTO volunteer_activity (team_id, unit_code, title, place, starts_at, ends_at, capacity)
       VALUES ($1, $2, '清洁家园', '小区广场', $3, $4, 10) RETURNING id`,
      [team.id, COMMUNITY, IN_PERIOD(12), IN_PERIOD(13)],
    );
    for (const person of PEOPLE) {
      const member = person.member
        ? (
            await org.query(
              `INSERT INTO party_member (branch_id, unit_code, name, status, joined_on, identity_display)
               VALUES ($1, $2, $3, 'FULL', '2000-01-01', $4) RETURNING id`,
              [branch.id, COMMUNITY, person.name, person.display],
            )
          )[0].id
        : null;
      await org.query(
        `INSERT INTO volunteer_signup (activity_id, name, party_member_id, resident_id, checked_in_at, checked_out_at, service_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          activity.id,
          person.name,
          member,
          member ? null : randomUUID(),
          IN_PERIOD(12),
          IN_PERIOD(13),
          person.hours * 60,
        ],
      );
    }

    const created = await data<{ createAssessmentScheme: { id: string } }>(
      'assessor',
      `mutation C($input: CreateAssessmentSchemeInput!) { createAssessmentScheme(input: $input) { id } }`,
      {
        input: {
          name: '红色文明榜积分（测试）',
          subjectKind: 'PARTY_MEMBER',
          periodKind: 'MONTH',
          totalScale: 100,
          ownerUnitCode: '520303',
          isPublic: true,
          indicators: [
            {
              code: 'volunteer_hours',
              name: '志愿服务时长',
              kind: 'AUTOMATIC',
              sourceMetric: 'VOLUNTEER_HOURS',
              weight: 100,
            },
          ],
        },
      },
    );
    const id = created.createAssessmentScheme.id;
    await data('assessor', `mutation A($id: ID!) { activateAssessmentScheme(id: $id) { status } }`, { id });
    await data(
      'assessor',
      `mutation R($id: ID!) { runAssessment(schemeId: $id, period: "2026-10") { version } }`,
      {
        id,
      },
    );
  });
  afterAll(() => graph?.stop());

  it('ranks members and non-member volunteers by points, named only as they allow, without sign-in', async () => {
    const { honourBoard } = await data<{ honourBoard: Entry[] }>(null, BOARD);
    const name = (person: (typeof PEOPLE)[number]) =>
      person.display === 'FULL'
        ? person.name
        : person.display === 'HIDDEN'
          ? null
          : person.name[0] + '*'.repeat(person.name.length - 1);
    const expected = [...PEOPLE]
      .sort((a, b) => b.hours - a.hours)
      .map((person, i) => ({
        rank: i + 1,
        kind: person.member ? 'PARTY_MEMBER' : 'VOLUNTEER',
        name: name(person),
        points: points(person.hours),
        period: '2026-10',
      }));
    expect(honourBoard).toEqual(expected);
    // Spelled out: the MASKED member and the volunteer by surname only, the HIDDEN member unnamed.
    expect(honourBoard.map((e) => e.name)).toEqual(['王建国', '李**', null, '赵**']);
    expect(honourBoard[3]).toMatchObject({ kind: 'VOLUNTEER', points: 37.5 });
  });

  it('gives the public no subject ids to look people up with', async () => {
    const result = await graph.query(`{ honourBoard(unitCode: "520303") { subjectId } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
