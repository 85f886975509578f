import { DataSource } from 'typeorm';
import { AuthContext, Role } from '@gridgov/platform-auth';
import type { Logger } from '@gridgov/platform-observability';
import { TicketCategoryService } from '../catalogue/ticket-category.service';
import { ResponsibilityRuleEntity } from '../responsibility/responsibility-rule.entity';
import { SlaUnit } from '../sla/sla-policy';
import { SlaPolicyEntity } from '../sla/sla-policy.entity';
import { checkReportInput, type ReportTicketInput } from '../ticket/ticket-input';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketAction, TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { writeNewTicket } from '../ticket/ticket.service';
import type { WorkflowAction } from '../workflow/ticket-transitions';
import { type TicketStepInput, TicketWorkflowService } from '../workflow/ticket-workflow.service';

/**
 * The reporter of every demo ticket. Accounts belong to org-service, which seeds its demo accounts
 * with generated ids that ticket-service cannot read, so the demo uses this fixed id; `Ticket.reporter`
 * resolves to null for it.
 */
export const DEMO_REPORTER_ID = '00000000-0000-4000-8000-00000000d3a0';

const HOUR = 3_600_000;

/** Fixed ids keep the seed idempotent; grids are grid-service's demo unit grids in Huichuan. */
const TICKETS: [id: string, hoursAgo: number, input: ReportTicketInput][] = [
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
    (title, i): [string, number, ReportTicketInput] => [
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

/**
 * A department id for demo dispatches. org-service seeds no departments yet, so `Department.tickets`
 * stays empty in the demo until one exists with this id.
 */
export const DEMO_DEPARTMENT_ID = '00000000-0000-4000-8000-0000000de9a0';

/** Workflow steps walked on newly seeded tickets, so the demo shows owners, dispatches and clocks. */
const STEPS: [id: string, action: WorkflowAction, input: TicketStepInput][] = [
  ['7c1e0000-0000-4000-8000-000000000001', TicketAction.ACCEPT, {}],
  // No department named: the district's responsibility list (seeded below) picks the demo department.
  ['7c1e0000-0000-4000-8000-000000000001', TicketAction.DISPATCH, {}],
  ['7c1e0000-0000-4000-8000-000000000001', TicketAction.START, {}],
  ['7c1e0000-0000-4000-8000-000000000003', TicketAction.ACCEPT, {}],
  ['7c1e0000-0000-4000-8000-000000000003', TicketAction.ESCALATE, { reason: '邻里纠纷需街道调解' }],
  ['7c1e0000-0000-4000-8000-000000000006', TicketAction.ACCEPT, {}],
  // 代办: the community approved; the street holds it for the next approval.
  ['7c1e0000-0000-4000-8000-000000000005', TicketAction.APPROVE, { note: '材料齐全' }],
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
    for (const [id, hoursAgo, input] of TICKETS) {
      if (await manager.existsBy(TicketEntity, { id })) continue;
      await writeNewTicket(
        manager,
        {
          ...checkReportInput(input, await TicketCategoryService.forIntake(manager, input.categoryCode)),
          id,
        },
        DEMO_REPORTER_ID,
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
  const workflow = new TicketWorkflowService(dataSource, demoActor);
  for (const [id, action, input] of STEPS) {
    if (fresh.has(id)) await workflow.apply(id, action, input);
  }
  log.info({ tickets: TICKETS.length, created }, 'ticket demo data ready');
}
