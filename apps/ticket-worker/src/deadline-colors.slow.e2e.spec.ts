import { hashPassword, Role } from '@gridgov/platform-auth';
import { FileSmsSink } from '@gridgov/platform-queue';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { AccountEntity, RoleGrantEntity } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { runNotificationDelivery } from '@gridgov/org-jobs';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import { testPrefix, waitFor, workerTestConfig } from './testing/worker-test-kit';

const GRID = '520303001001001';
const PASSWORD = 'deadline-colors-pass';
const MINUTE = 60_000;

type TimelineEntry = { action: string; note: string | null; at: string };

// Through the gateway, nobody touching it: a ticket on a 3-minute resolve clock (warning at 2/3,
// red 1 minute past the deadline) turns YELLOW, ORANGE and RED on its own; the timeline records each
// colour, the grid worker handling it finds the YELLOW warning in the inbox, the staff member who
// owns it the ORANGE one, and the district leader the RED one. About 4½ minutes of real time.
describe('a ticket that changes colour on its own', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = testPrefix();
  let graph: TestGraph;
  let worker: RunningTicketWorker | undefined;
  let delivery: Awaited<ReturnType<typeof runNotificationDelivery>> | undefined;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
      createTicketSubgraph(),
    ]);
    const org = graph.subgraphs['org'].dataSource;
    const passwordHash = await hashPassword(PASSWORD);
    const people: [string, Role, string][] = [
      ['zhuhai.gw', Role.GRID_WORKER, GRID],
      ['zhuhai.staff', Role.COMMUNITY_STAFF, '520303001001'],
      ['district.leader', Role.LEADER, '520303'],
    ];
    for (const [username, role, scopeCode] of people) {
      const account = await org.getRepository(AccountEntity).save({ username, displayName: username, passwordHash });
      await org.getRepository(RoleGrantEntity).save({ accountId: account.id, role, scopeCode });
      ids[username] = account.id;
      const login = await graph.query<{ login: { token: string } }>(
        `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: PASSWORD },
      );
      tokens[username] = login.data!.login.token;
    }
    const ticketDb = graph.subgraphs['ticket'].dataSource;
    await ticketDb.query(
      `INSERT INTO sla_policy (category_prefix, mode, unit_level, accept_amount, accept_unit, resolve_amount, resolve_unit,
                               verify_amount, verify_unit, warning_ratio, red_after_minutes)
       VALUES ('CITY_MANAGEMENT.ROAD', 'COORDINATED', 'COMMUNITY', 3, 'MINUTES', 3, 'MINUTES', 3, 'MINUTES', 0.667, 1)`,
    );
    const schema = (ticketDb.options as { schema: string }).schema;
    worker = await createTicketWorker(workerTestConfig(schema, redisUrl, prefix, { RELAY_EVERY_MS: '500' }));
    delivery = await runNotificationDelivery({
      dataSource: org,
      redisUrl,
      prefix,
      sms: new FileSmsSink(`/tmp/${prefix}-sms.log`),
    });
  });
  afterAll(async () => {
    await worker?.stop();
    if (delivery) {
      await delivery.notifications.obliterate({ force: true });
      await delivery.close();
    }
    await graph?.stop();
  });

  const ok = async <T>(who: string, query: string, variables: Record<string, unknown>) => {
    const result = await graph.query<T>(query, variables, tokens[who]);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  it(
    'turns YELLOW, ORANGE, RED; notifies the handler, the owner and the leader; records the timeline',
    async () => {
      const { reportTicket } = await ok<{ reportTicket: { id: string } }>(
        'zhuhai.gw',
        `mutation R($input: ReportTicketInput!) { reportTicket(input: $input) { id } }`,
        {
          input: {
            gridCode: GRID,
            categoryCode: 'CITY_MANAGEMENT.ROAD',
            mode: 'COORDINATED',
            channel: 'GRID_WORKER',
            title: '井盖缺失',
          },
        },
      );
      const id = reportTicket.id;
      await ok('zhuhai.staff', `mutation A($input: TicketStepInput!) { acceptTicket(input: $input) { id } }`, {
        input: { id },
      });
      const { dispatchTicket } = await ok<{ dispatchTicket: { deadlineAt: string } }>(
        'zhuhai.staff',
        `mutation D($input: DispatchTicketInput!) { dispatchTicket(input: $input) { deadlineAt } }`,
        { input: { id, assigneeAccountId: ids['zhuhai.gw'] } },
      );
      const deadline = Date.parse(dispatchTicket.deadlineAt);

      const timeline = async () =>
        (
          await ok<{ ticket: { timeline: TimelineEntry[] } }>(
            'zhuhai.staff',
            `query T($id: ID!) { ticket(id: $id) { timeline { action note at } } }`,
            { id },
          )
        ).ticket.timeline.filter((e) => e.action === 'SLA_COLOR');
      await waitFor('the ticket to turn RED on its own', async () => (await timeline()).length === 3, 6 * MINUTE);

      const colours = await timeline();
      expect(colours.map((e) => e.note!.split(':')[0])).toEqual(['YELLOW', 'ORANGE', 'RED']);
      // Each colour came no earlier than its instant: 2/3 of the clock, the deadline, a minute past it.
      const [yellowAt, orangeAt, redAt] = colours.map((e) => Date.parse(e.at));
      expect(yellowAt).toBeLessThan(deadline);
      expect(orangeAt).toBeGreaterThanOrEqual(deadline);
      expect(redAt).toBeGreaterThanOrEqual(deadline + MINUTE);
      const [stored] = await graph.subgraphs['ticket'].dataSource.query(
        `SELECT supervision_color FROM ticket WHERE id = $1`,
        [id],
      );
      expect(stored.supervision_color).toBe('RED');

      const inbox = (who: string) =>
        ok<{ notifications: { edges: { node: { kind: string } }[] } }>(
          who,
          `{ notifications(first: 20) { edges { node { kind } } } }`,
          {},
        ).then((d) => d.notifications.edges.map((e) => e.node.kind));
      const expected: [string, string][] = [
        ['zhuhai.gw', 'TICKET_COLOR_YELLOW'],
        ['zhuhai.staff', 'TICKET_COLOR_ORANGE'],
        ['district.leader', 'TICKET_COLOR_RED'],
      ];
      await waitFor('the notifications to reach the inboxes', async () => {
        for (const [who, kind] of expected) if (!(await inbox(who)).includes(kind)) return false;
        return true;
      });
      expect(await inbox('district.leader')).toEqual(['TICKET_COLOR_RED']);
    },
    8 * MINUTE,
  );
});
