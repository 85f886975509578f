import { Role } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { signInPeople, type TestPerson } from './testing/sign-in-people';

const GRID = '520303001001001';

const REPORT = `mutation Report($input: ReportTicketInput!) {
  reportTicket(input: $input) { id number status gridCode adminUnitCode location { longitude latitude } }
}`;
const TICKET = `query Ticket($id: ID!) {
  ticket(id: $id) {
    id number status title photos grid { code }
    timeline { fromStatus toStatus actor { id username } }
  }
}`;
const GRID_TICKETS = `query GridTickets($gridCode: String!, $after: String) {
  tickets(gridCode: $gridCode, first: 2, after: $after) { totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } }
}`;

const input = (title: string, extra: Record<string, unknown> = {}) => ({
  gridCode: GRID,
  categoryCode: 'CITY_MANAGEMENT.ROAD',
  mode: 'COORDINATED',
  channel: 'GRID_WORKER',
  title,
  location: { longitude: 106.9351, latitude: 27.7062 },
  photos: ['https://photos.example/road.jpg'],
  ...extra,
});

// A grid worker reports and reads tickets of their grid through the gateway; a worker of another
// community can do neither, and bad input names the field.
describe('ticket reporting through the gateway', () => {
  let graph: TestGraph;
  const tokens: Record<string, string> = {};
  const accountIds: Record<string, string> = {};

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createTicketSubgraph(),
    ]);
    const people: TestPerson[] = [
      ['zhuhai.gw1', Role.GRID_WORKER, GRID],
      ['renmin.gw1', Role.GRID_WORKER, '520303001002001'],
      ['street.staff', Role.COMMUNITY_STAFF, '520303001'],
    ];
    const signedIn = await signInPeople(graph, people);
    Object.assign(tokens, signedIn.tokens);
    Object.assign(accountIds, signedIn.accountIds);
  });
  afterAll(() => graph?.stop());

  it('reports a ticket, then reads it with its grid and the report as first timeline entry (actor from org)', async () => {
    const reported = await graph.query<{ reportTicket: { id: string; number: string; status: string } }>(
      REPORT,
      { input: input('人行道地砖破损') },
      tokens['zhuhai.gw1'],
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data?.reportTicket).toMatchObject({
      status: 'REPORTED',
      gridCode: GRID,
      adminUnitCode: '520303001001',
      location: { longitude: 106.9351, latitude: 27.7062 },
    });
    expect(reported.data?.reportTicket.number).toMatch(/^T\d{4}-\d{6,}$/);

    const read = await graph.query<{ ticket: Record<string, unknown> }>(
      TICKET,
      { id: reported.data!.reportTicket.id },
      tokens['street.staff'],
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.ticket).toMatchObject({
      title: '人行道地砖破损',
      photos: ['https://photos.example/road.jpg'],
      grid: { code: GRID },
      // The actor is fetched from org-service by the gateway; staff without account:read see only ids.
      timeline: [{ fromStatus: null, toStatus: 'REPORTED', actor: null }],
    });

    const own = await graph.query<{ ticket: { timeline: { actor: { id: string; username: string } }[] } }>(
      TICKET,
      { id: reported.data!.reportTicket.id },
      tokens['zhuhai.gw1'],
    );
    expect(own.data?.ticket.timeline[0].actor).toEqual({
      id: accountIds['zhuhai.gw1'],
      username: 'zhuhai.gw1',
    });
  });

  it('lists the grid’s tickets newest first in pages, also as Grid.tickets', async () => {
    for (const title of ['路灯不亮', '井盖缺失']) {
      expect(
        (await graph.query(REPORT, { input: input(title) }, tokens['zhuhai.gw1'])).errors,
      ).toBeUndefined();
    }
    type Page = {
      tickets: {
        totalCount: number;
        edges: { node: { id: string; title: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await graph.query<Page>(GRID_TICKETS, { gridCode: GRID }, tokens['zhuhai.gw1']);
    expect(first.errors).toBeUndefined();
    expect(first.data?.tickets.totalCount).toBe(3);
    expect(first.data?.tickets.edges.map((e) => e.node.title)).toEqual(['井盖缺失', '路灯不亮']);
    expect(first.data?.tickets.pageInfo.hasNextPage).toBe(true);
    const second = await graph.query<Page>(
      GRID_TICKETS,
      { gridCode: GRID, after: first.data!.tickets.pageInfo.endCursor },
      tokens['zhuhai.gw1'],
    );
    expect(second.data?.tickets.edges.map((e) => e.node.title)).toEqual(['人行道地砖破损']);
    expect(second.data?.tickets.pageInfo.hasNextPage).toBe(false);

    const viaGrid = await graph.query<{
      ticket: { grid: { tickets: { edges: { node: { title: string } }[] } } };
    }>(
      `query($id: ID!) { ticket(id: $id) { grid { tickets(first: 5, filter: { categoryPrefix: "CITY_MANAGEMENT" }) { edges { node { title } } } } } }`,
      { id: first.data!.tickets.edges[0].node.id },
      tokens['street.staff'],
    );
    expect(viaGrid.errors).toBeUndefined();
    expect(viaGrid.data?.ticket.grid.tickets.edges.map((e) => e.node.title)).toEqual([
      '井盖缺失',
      '路灯不亮',
      '人行道地砖破损',
    ]);
  });

  it('answers FORBIDDEN to a grid worker of another community for report, read and list', async () => {
    const outsider = tokens['renmin.gw1'];
    const report = await graph.query(REPORT, { input: input('越权上报') }, outsider);
    expect(report.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');

    const list = await graph.query<{ tickets: { edges: { node: { id: string } }[] } }>(
      GRID_TICKETS,
      { gridCode: GRID },
      tokens['zhuhai.gw1'],
    );
    const id = list.data!.tickets.edges[0].node.id;
    const read = await graph.query(TICKET, { id }, outsider);
    expect(read.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    expect(read.data).toBeNull();

    const listed = await graph.query(GRID_TICKETS, { gridCode: GRID }, outsider);
    expect(listed.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('answers BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await graph.query<{ tickets: { totalCount: number } }>(
      GRID_TICKETS,
      { gridCode: GRID },
      tokens['zhuhai.gw1'],
    );
    const badGrid = await graph.query(
      REPORT,
      { input: input('网格编码错误', { gridCode: '5203030010010' }) },
      tokens['zhuhai.gw1'],
    );
    expect(badGrid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gridCode' });
    expect(badGrid.errors?.[0].message).toContain('input.gridCode');

    const badPhoto = await graph.query(
      REPORT,
      { input: input('照片', { photos: ['javascript:alert(1)'] }) },
      tokens['zhuhai.gw1'],
    );
    expect(badPhoto.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.photos[0]',
    });

    const after = await graph.query<{ tickets: { totalCount: number } }>(
      GRID_TICKETS,
      { gridCode: GRID },
      tokens['zhuhai.gw1'],
    );
    expect(after.data?.tickets.totalCount).toBe(before.data?.tickets.totalCount);
  });
});
