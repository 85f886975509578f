import { DataSource } from 'typeorm';
import { AuthContext, DEMO_ACCOUNTS, demoIdentity, type DemoUsername, Role } from '@gridgov/platform-auth';
import type { Logger } from '@gridgov/platform-observability';
import { ResponsibilityRuleEntity } from '../responsibility/responsibility-rule.entity';
import { SlaUnit } from '../sla/sla-policy';
import { SlaPolicyEntity } from '../sla/sla-policy.entity';
import { checkReportInput, type ReportTicketInput } from '../ticket/ticket-input';
import { TicketEntity } from '../ticket/ticket.entity';
import { Satisfaction, TicketAction, TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { writeNewTicket } from '../ticket/ticket.service';
import type { WorkflowAction } from '../workflow/ticket-transitions';
import { type TicketStepInput, TicketWorkflowService } from '../workflow/ticket-workflow.service';

/**
 * The reporter of the demo's open tickets and the command-centre actor of its workflow steps. No org
 * account has this id, so `Ticket.reporter` resolves to null for it; the handled tickets below are
 * the org demo accounts' (platform-auth DEMO_ACCOUNTS).
 */
export const DEMO_REPORTER_ID = '00000000-0000-4000-8000-00000000d3a0';

const HOUR = 3_600_000;

/** A ticket to seed; without a reporter, DEMO_REPORTER_ID reports it. */
type DemoTicket = [id: string, hoursAgo: number, input: ReportTicketInput, reporter?: DemoUsername];

/** Fixed ids keep the seed idempotent; grids are grid-service's demo unit grids in Huichuan. */
const TICKETS: DemoTicket[] = [
  [
    '7c1e0000-0000-4000-8000-000000000001',
    72,
    {
      gridCode: '520303001001001',
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.GRID_WORKER,
      title: '珠海路人行道地砖破损',
      description: '3号楼前人行道地砖松动约2平方米，老人易绊倒。',
      location: { longitude: 106.9351, latitude: 27.7062 },
      photos: ['https://demo.gridgov.example/photos/road-1.jpg'],
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000002',
    50,
    {
      gridCode: '520303001001001',
      categoryCode: 'ENVIRONMENTAL_SANITATION.GARBAGE',
      mode: TicketMode.ONSITE,
      channel: TicketChannel.GRID_WORKER,
      title: '垃圾桶满溢',
      description: '已联系保洁当场清运。',
      resolvedOnSite: true,
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000003',
    30,
    {
      gridCode: '520303001001001',
      categoryCode: 'DISPUTE.NEIGHBOURHOOD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.RESIDENT_APP,
      title: '楼上漏水邻里纠纷',
      description: '5单元502漏水至402，双方协商未果。',
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000004',
    20,
    {
      gridCode: '520303001001002',
      categoryCode: 'SAFETY_PRODUCTION.FIRE',
      mode: TicketMode.EMERGENCY,
      channel: TicketChannel.HOTLINE,
      title: '楼道堆放杂物堵塞消防通道',
      attributes: [{ code: 'HAZARD', values: ['BLOCKED_EXIT'] }],
      location: { longitude: 106.9374, latitude: 27.7049 },
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000005',
    12,
    {
      gridCode: '520303001001002',
      categoryCode: 'PROXY_SERVICE.ELDERLY_ALLOWANCE',
      mode: TicketMode.PROXY,
      channel: TicketChannel.WINDOW,
      title: '代办高龄津贴申请',
      description: '独居老人行动不便，委托网格员代办。',
      attributes: [{ code: 'APPLICANT_AGE', values: ['86'] }],
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000006',
    8,
    {
      gridCode: '520303001002001',
      categoryCode: 'CITY_MANAGEMENT.STREET_LIGHT',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.ONLINE,
      title: '人民路路灯不亮',
      photos: [
        'https://demo.gridgov.example/photos/light-1.jpg',
        'https://demo.gridgov.example/photos/light-2.jpg',
      ],
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000007',
    4,
    {
      gridCode: '520303001002001',
      categoryCode: 'FOOD_AND_DRUG.FOOD_SAFETY',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.DEPARTMENT_SYSTEM,
      title: '小餐馆卫生问题投诉',
    },
  ],
  [
    '7c1e0000-0000-4000-8000-000000000008',
    1,
    {
      gridCode: '520303002001001',
      categoryCode: 'ENVIRONMENTAL_PROTECTION.NOISE',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.RESIDENT_APP,
      title: '夜间施工噪音扰民',
      description: '高桥社区工地22点后仍在施工。',
      attributes: [{ code: 'NOISE_SOURCE', values: ['CONSTRUCTION'] }],
    },
  ],
  // Four fire hazards in one grid within a day: a spike alert (ticketSpikes, threshold 4) for a day after seeding.
  ...(['楼道电动车充电', '灭火器过期', '消防栓被遮挡'] as const).map(
    (title, i): DemoTicket => [
      `7c1e0000-0000-4000-8000-00000000001${i}`,
      6 - 2 * i,
      {
        gridCode: '520303001001002',
        categoryCode: 'SAFETY_PRODUCTION.FIRE',
        channel: TicketChannel.GRID_WORKER,
        title,
      },
    ],
  ),
];

/** Within the 2-hour accept time of COORDINATED tickets at a community: accepted on time. */
const ON_TIME_HOURS = 1;
/** Past it: accepting makes the ticket late for good (overdue, not closed on time). */
const LATE_HOURS = 5;

/** A resident's report the demo grid workers handle through the whole workflow (HANDLED_STEPS). */
const handledReport = (
  id: string,
  hoursAgo: number,
  gridCode: string,
  categoryCode: string,
  title: string,
): DemoTicket => [
  id,
  hoursAgo,
  { gridCode, categoryCode, mode: TicketMode.COORDINATED, channel: TicketChannel.RESIDENT_APP, title },
  'huichuan.resident',
];

const ZHUHAI_GRID = DEMO_ACCOUNTS['zhuhai.gw1'].grant.scopeCode;
const RENMIN_GRID = DEMO_ACCOUNTS['renmin.gw1'].grant.scopeCode;

/** Closed and rated: 珠海路一网格 all on time and satisfied; 人民路一网格 one reworked (unsatisfied), one late. */
const HANDLED: DemoTicket[] = [
  handledReport(
    '7c1e0000-0000-4000-8000-000000000020',
    ON_TIME_HOURS,
    ZHUHAI_GRID,
    'CITY_MANAGEMENT.STREET_LIGHT',
    '楼道声控灯不亮',
  ),
  handledReport(
    '7c1e0000-0000-4000-8000-000000000021',
    ON_TIME_HOURS,
    ZHUHAI_GRID,
    'CITY_MANAGEMENT.MANHOLE',
    '小区井盖松动',
  ),
  handledReport(
    '7c1e0000-0000-4000-8000-000000000022',
    ON_TIME_HOURS,
    ZHUHAI_GRID,
    'DISPUTE.RESIDENTIAL_COMPOUND',
    '楼道堆放杂物影响通行',
  ),
  handledReport(
    '7c1e0000-0000-4000-8000-000000000023',
    ON_TIME_HOURS,
    RENMIN_GRID,
    'ENVIRONMENTAL_SANITATION.PUBLIC_TOILET',
    '公厕无人保洁',
  ),
  handledReport(
    '7c1e0000-0000-4000-8000-000000000024',
    ON_TIME_HOURS,
    RENMIN_GRID,
    'CITY_MANAGEMENT.ROAD',
    '人行道护栏倒伏',
  ),
  handledReport(
    '7c1e0000-0000-4000-8000-000000000025',
    LATE_HOURS,
    RENMIN_GRID,
    'CITY_MANAGEMENT.ROAD',
    '路面坑洼积水',
  ),
];

/**
 * A department id for demo dispatches. org-service seeds no departments yet, so `Department.tickets`
 * stays empty in the demo until one exists with this id.
 */
export const DEMO_DEPARTMENT_ID = '00000000-0000-4000-8000-0000000de9a0';

/** Who takes a step: the command-centre actor (DEMO_REPORTER_ID) or an org demo account. */
type Actor = 'demo' | DemoUsername;
type DemoStep = [id: string, actor: Actor, action: WorkflowAction, input: TicketStepInput];

/** Workflow steps walked on newly seeded tickets, so the demo shows owners, dispatches and clocks. */
const STEPS: DemoStep[] = [
  ['7c1e0000-0000-4000-8000-000000000001', 'demo', TicketAction.ACCEPT, {}],
  // No department named: the district's responsibility list (seeded below) picks the demo department.
  ['7c1e0000-0000-4000-8000-000000000001', 'demo', TicketAction.DISPATCH, {}],
  ['7c1e0000-0000-4000-8000-000000000001', 'demo', TicketAction.START, {}],
  ['7c1e0000-0000-4000-8000-000000000003', 'demo', TicketAction.ACCEPT, {}],
  ['7c1e0000-0000-4000-8000-000000000003', 'demo', TicketAction.ESCALATE, { reason: '邻里纠纷需街道调解' }],
  ['7c1e0000-0000-4000-8000-000000000006', 'demo', TicketAction.ACCEPT, {}],
  // 代办: the community approved; the street holds it for the next approval.
  ['7c1e0000-0000-4000-8000-000000000005', 'demo', TicketAction.APPROVE, { note: '材料齐全' }],
];

/**
 * The whole workflow of a handled ticket: the unit accepts and dispatches it to the grid worker, who
 * resolves it and verifies on site; the reporter rates; the unit closes. An unsatisfied rating
 * reopens it: reworked and verified again, then closed with the rating on record.
 */
function handledSteps(
  [id, , , reporter]: DemoTicket,
  unit: Actor,
  worker: DemoUsername,
  result: string,
  satisfaction: Satisfaction,
): DemoStep[] {
  const work = (note: string): DemoStep[] => [
    [id, worker, TicketAction.START, {}],
    [id, worker, TicketAction.RESOLVE, { note }],
    [id, worker, TicketAction.VERIFY, { passed: true }],
  ];
  return [
    [id, unit, TicketAction.ACCEPT, {}],
    [id, unit, TicketAction.DISPATCH, { assigneeAccountId: DEMO_ACCOUNTS[worker].id }],
    ...work(result),
    [id, reporter ?? 'demo', TicketAction.RATE, { satisfaction }],
    ...(satisfaction === Satisfaction.UNSATISFIED ? work(`返工：${result}`) : []),
    [id, unit, TicketAction.CLOSE, {}],
  ];
}

/** 人民路社区 has no staff account in the demo: the command-centre actor stands in for it. */
const HANDLED_STEPS: DemoStep[] = [
  ...handledSteps(HANDLED[0], 'zhuhai.staff', 'zhuhai.gw1', '已更换声控灯', Satisfaction.SATISFIED),
  ...handledSteps(HANDLED[1], 'zhuhai.staff', 'zhuhai.gw1', '已联系市政加固井盖', Satisfaction.SATISFIED),
  ...handledSteps(
    HANDLED[2],
    'zhuhai.staff',
    'zhuhai.gw1',
    '已劝导清理杂物',
    Satisfaction.BASICALLY_SATISFIED,
  ),
  ...handledSteps(HANDLED[3], 'demo', 'renmin.gw1', '已督促保洁公司清扫', Satisfaction.UNSATISFIED),
  ...handledSteps(HANDLED[4], 'demo', 'renmin.gw1', '已扶正护栏', Satisfaction.SATISFIED),
  ...handledSteps(HANDLED[5], 'demo', 'renmin.gw1', '已填补坑洼', Satisfaction.SATISFIED),
];

export async function seedTicketDemo(dataSource: DataSource, log: Logger): Promise<void> {
  let created = 0;
  const fresh = new Set<string>();
  await dataSource.transaction(async (manager) => {
    // Replicas starting together seed once.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ticket-demo-seed'))`);
    // 责任清单: the district's default line; its units inherit it.
    await manager.upsert(
      ResponsibilityRuleEntity,
      {
        unitCode: '520303',
        categoryPrefix: '',
        leadDepartmentId: DEMO_DEPARTMENT_ID,
        updatedBy: DEMO_REPORTER_ID,
      },
      ['unitCode', 'categoryPrefix'],
    );
    // A stricter SLA for gas leaks at the district (editable with updateSlaPolicy).
    await manager
      .createQueryBuilder()
      .insert()
      .into(SlaPolicyEntity)
      .values({
        categoryPrefix: 'SAFETY_PRODUCTION.GAS',
        mode: TicketMode.EMERGENCY,
        unitLevel: 'DISTRICT',
        acceptAmount: 15,
        acceptUnit: SlaUnit.MINUTES,
        resolveAmount: 12,
        resolveUnit: SlaUnit.HOURS,
        verifyAmount: 2,
        verifyUnit: SlaUnit.HOURS,
        warningRatio: '0.5',
      })
      .orIgnore()
      .execute();
    for (const [id, hoursAgo, input, reporter] of [...TICKETS, ...HANDLED]) {
      if (await manager.existsBy(TicketEntity, { id })) continue;
      await writeNewTicket(
        manager,
        (config) => ({ ...checkReportInput(input, config.category(input.categoryCode)), id }),
        reporter ? DEMO_ACCOUNTS[reporter].id : DEMO_REPORTER_ID,
        new Date(Date.now() - hoursAgo * HOUR),
      );
      created += 1;
      fresh.add(id);
    }
  });
  // The demo actor is a platform-wide admin acting as its own department's handler.
  const demoActor = new AuthContext({
    accountId: DEMO_REPORTER_ID,
    username: 'demo',
    grants: [
      { role: Role.PLATFORM_ADMIN, scopeCode: '' },
      { role: Role.DEPARTMENT_HANDLER, departmentId: DEMO_DEPARTMENT_ID },
    ],
  });
  const workflowOf = (actor: Actor) =>
    new TicketWorkflowService(
      dataSource,
      actor === 'demo' ? demoActor : new AuthContext(demoIdentity(actor)),
    );
  for (const [id, actor, action, input] of [...STEPS, ...HANDLED_STEPS]) {
    if (fresh.has(id)) await workflowOf(actor).apply(id, action, input);
  }
  log.info({ tickets: TICKETS.length + HANDLED.length, created }, 'ticket demo data ready');
}
