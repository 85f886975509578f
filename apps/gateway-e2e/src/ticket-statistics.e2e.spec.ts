import { randomUUID } from 'node:crypto';
import { Role } from '@gridgov/platform-auth';
import { type TestGraph } from '@gridgov/platform-testing';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { startSignedInGraph } from './testing/signed-in-graph';

const GRID = '520303001001001';

// Statistics through the gateway: three fire hazards reported in one grid make a spike (threshold
// 3), top the hot spots and fill today's bucket; a grid worker cannot read the district's figures.
describe('ticket statistics through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const people = [
      ['gw', Role.GRID_WORKER, GRID],
      ['leader', Role.LEADER, '520303'],
    ] as const;
    ({ graph, tokens } = await startSignedInGraph(() => [createTicketSubgraph()], people));
    for (const title of ['楼道堆物', '灭火器过期', '电线私拉']) {
      const reported = await graph.query(
        `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id } }`,
        { input: { gridCode: GRID, categoryCode: 'SAFETY_PRODUCTION.FIRE', channel: 'GRID_WORKER', title } },
        tokens['gw'],
      );
      expect(reported.errors).toBeUndefined();
    }
  });
  afterAll(() => graph?.stop());

  it('answers spikes, hot spots and a daily series for a leader, and FORBIDDEN outside scope', async () => {
    const now = Date.now();
    const from = new Date(now - 86_400_000).toISOString();
    const to = new Date(now + 60_000).toISOString();
    const result = await graph.query<{
      ticketSpikes: { gridCode: string; categoryCode: string; count: number }[];
      ticketHotSpots: {
        categories: { categoryCode: string; count: number }[];
        grids: { gridCode: string; count: number }[];
      };
      ticketStatsSeries: { stats: { received: number } }[];
    }>(
      `query($from: DateTime!, $to: DateTime!) {
        ticketSpikes(scopeCode: "520303", threshold: 3) { gridCode categoryCode count }
        ticketHotSpots(scopeCode: "520303", from: $from, to: $to, limit: 3) {
          categories { categoryCode count } grids { gridCode count }
        }
        ticketStatsSeries(scopeCode: "520303", from: $from, to: $to, bucket: DAY) { periodStart stats { received } }
      }`,
      { from, to },
      tokens['leader'],
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.ticketSpikes).toEqual([
      { gridCode: GRID, categoryCode: 'SAFETY_PRODUCTION.FIRE', count: 3 },
    ]);
    expect(result.data!.ticketHotSpots).toEqual({
      categories: [{ categoryCode: 'SAFETY_PRODUCTION.FIRE', count: 3 }],
      grids: [{ gridCode: GRID, count: 3 }],
    });
    expect(result.data!.ticketStatsSeries.reduce((sum, p) => sum + p.stats.received, 0)).toBe(3);

    const denied = await graph.query(
      `{ ticketSpikes(scopeCode: "520303", threshold: 3) { count } }`,
      {},
      tokens['gw'],
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("adds tickets to grid-service households through the Household entity, within the caller's scope", async () => {
    const household = randomUUID();
    const reported = await graph.query(
      `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id } }`,
      {
        input: {
          gridCode: GRID,
          categoryCode: 'DISPUTE.FAMILY',
          channel: 'GRID_WORKER',
          title: '家庭矛盾调解',
          householdId: household,
        },
      },
      tokens['gw'],
    );
    expect(reported.errors).toBeUndefined();
    // The gateway enters the ticket subgraph with a Household representation when grid-service resolves one.
    const entities = `{ _entities(representations: [{ __typename: "Household", id: "${household}" }]) {
      ... on Household { tickets(first: 5) { edges { node { title householdId } } } }
    } }`;
    const titles = async (grants: { role: Role; scopeCode: string }[]) => {
      const { body } = await graph.querySubgraph(
        'ticket',
        entities,
        graph.signIdentity('ticket', { accountId: randomUUID(), username: 'reader', grants }),
      );
      expect(body.errors).toBeUndefined();
      const [entity] = (body.data as { _entities: { tickets: { edges: { node: { title: string } }[] } }[] })
        ._entities;
      return entity.tickets.edges.map((e) => e.node.title);
    };
    expect(await titles([{ role: Role.LEADER, scopeCode: '520303' }])).toEqual(['家庭矛盾调解']);
    expect(await titles([{ role: Role.GRID_WORKER, scopeCode: '520303001002001' }])).toEqual([]);
  });
});
