import { Role } from '@gridgov/platform-auth';
import { type TestGraph } from '@gridgov/platform-testing';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { type TestPerson } from './testing/sign-in-people';
import { startSignedInGraph } from './testing/signed-in-graph';

const GRID = '520303001001001';
const FIELDS = 'status handlingUnitCode allowedActions';

// 代办 through the gateway: a resident's proxy request climbs community → street → district, is
// sent back once, and is accepted by the district; a unit that does not hold it cannot act.
describe('PROXY approval chain through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const people: TestPerson[] = [
      ['resident', Role.RESIDENT, GRID],
      ['community', Role.COMMUNITY_STAFF, '520303001001'],
      ['street', Role.COMMUNITY_STAFF, '520303001'],
      ['district', Role.COMMUNITY_STAFF, '520303'],
    ];
    ({ graph, tokens } = await startSignedInGraph(() => [createTicketSubgraph()], people));
  });
  afterAll(() => graph?.stop());

  it('approves level by level, sends back with a reason and records every step', async () => {
    const reported = await graph.query<{
      reportTicket: { id: string; mode: string; allowedActions: string[] };
    }>(
      `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id mode allowedActions } }`,
      {
        input: {
          gridCode: GRID,
          categoryCode: 'PROXY_SERVICE.ELDERLY_ALLOWANCE',
          channel: 'RESIDENT_APP',
          title: '代办高龄津贴',
          attributes: [{ code: 'APPLICANT_AGE', values: ['82'] }],
        },
      },
      tokens['resident'],
    );
    expect(reported.errors).toBeUndefined();
    const { id, mode, allowedActions } = reported.data!.reportTicket;
    expect(mode).toBe('PROXY');
    expect(allowedActions).toEqual(expect.arrayContaining(['APPROVE', 'SEND_BACK']));
    expect(allowedActions).not.toContain('ACCEPT');

    const step = (who: string, mutation: string, type: string, input: Record<string, unknown> = {}) =>
      graph.query<Record<string, { status: string; handlingUnitCode: string; allowedActions: string[] }>>(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { ${FIELDS} } }`,
        { input: { id, ...input } },
        tokens[who],
      );
    const approve = (who: string) => step(who, 'approveTicket', 'TicketStepInput');
    expect((await approve('community')).data?.approveTicket).toMatchObject({
      status: 'ESCALATED',
      handlingUnitCode: '520303001',
    });
    expect((await approve('community')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await approve('street');
    const back = await step('district', 'sendBackTicket', 'TicketReasonInput', { reason: '需补充户籍证明' });
    expect(back.data?.sendBackTicket).toMatchObject({ status: 'RETURNED', handlingUnitCode: '520303001' });
    await approve('street');
    const accepted = await approve('district');
    expect(accepted.data?.approveTicket).toMatchObject({ status: 'ACCEPTED', handlingUnitCode: '520303' });
    expect(accepted.data?.approveTicket.allowedActions).toContain('DISPATCH');

    const read = await graph.query<{
      ticket: { timeline: { action: string; toStatus: string; note: string | null }[] };
    }>(
      `query($id: ID!) { ticket(id: $id) { timeline { action toStatus note } } }`,
      { id },
      tokens['district'],
    );
    expect(read.data!.ticket.timeline.map((e) => `${e.action}:${e.toStatus}`)).toEqual([
      'REPORT:REPORTED',
      'APPROVE:ESCALATED',
      'APPROVE:ESCALATED',
      'SEND_BACK:RETURNED',
      'APPROVE:ESCALATED',
      'APPROVE:ACCEPTED',
    ]);
    expect(read.data!.ticket.timeline[3].note).toContain('需补充户籍证明');
  });
});
