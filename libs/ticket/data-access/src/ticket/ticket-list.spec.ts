import { Role } from '@gridgov/platform-auth';
import { type Connection, paginate } from '@gridgov/platform-graphql';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from './ticket.entity';
import { TicketChannel, TicketMode, TicketStatus } from './ticket.enums';
import type { ReportTicketInput } from './ticket-input';
import { TicketCategoryService } from '../catalogue/ticket-category.service';
import { TicketService, type TicketFilter } from './ticket.service';

const GRID = '520303001001001';
const OTHER_GRID = '520303001001002';
const byReportedAt = {
  column: 'ticket.reportedAt',
  value: (t: TicketEntity) => t.reportedAt,
  direction: 'DESC' as const,
};

function reportIn(
  gridCode: string,
  title: string,
  extra: Partial<ReportTicketInput> = {},
): ReportTicketInput {
  return {
    gridCode,
    title,
    categoryCode: 'CITY_MANAGEMENT.ROAD',
    mode: TicketMode.COORDINATED,
    channel: TicketChannel.HOTLINE,
    ...extra,
  };
}

// A grid's tickets page newest first by keyset, filtered, and only within the caller's scope.
describe('TicketService: listing a grid (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let service: TicketService;

  beforeAll(async () => {
    db = await openTicketTestDatabase();
    service = new TicketService(db.dataSource, authAs(Role.COMMUNITY_STAFF, '520303001001'));
    // A look-alike category ("_" would match "X" in an unescaped LIKE).
    const catalogue = new TicketCategoryService(db.dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    for (const code of ['CITYXMANAGEMENT', 'CITYXMANAGEMENT.ROAD'])
      await catalogue.create({ code, name: '相似类别', defaultMode: TicketMode.COORDINATED });
    // Reported in a burst: several share a millisecond, so the id tie-breaker is exercised too.
    for (let i = 1; i <= 5; i++) await service.report(reportIn(GRID, `道路问题 ${i}`));
    await service.report(reportIn(GRID, '噪音', { categoryCode: 'ENVIRONMENTAL_PROTECTION.NOISE' }));
    await service.report(reportIn(GRID, '下划线不是通配符', { categoryCode: 'CITYXMANAGEMENT.ROAD' }));
    await service.report(
      reportIn(GRID, '当场处理', {
        mode: TicketMode.ONSITE,
        resolvedOnSite: true,
        categoryCode: 'CITY_MANAGEMENT',
      }),
    );
    await service.report(reportIn(OTHER_GRID, '另一网格'));
  });
  afterAll(() => db?.close());

  const titles = async (filter: TicketFilter) =>
    (await paginate(service.listByGridQuery(GRID, filter), { first: 50 }, byReportedAt)).edges.map(
      (e) => e.node.title,
    );

  it('pages through the grid newest first without gaps or repeats', async () => {
    const all = await db.dataSource
      .getRepository(TicketEntity)
      .find({ where: { gridCode: GRID }, order: { reportedAt: 'DESC', id: 'DESC' } });
    expect(all).toHaveLength(8);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Connection<TicketEntity> = await paginate(
        service.listByGridQuery(GRID, {}),
        { first: 3, after },
        byReportedAt,
      );
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
      if (pages === 1) expect(await page.totalCount).toBe(8);
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((t) => t.id));
  });

  it('filters by status, mode and category with its sub-categories', async () => {
    expect(await titles({ statuses: [TicketStatus.RESOLVED] })).toEqual(['当场处理']);
    expect(await titles({ mode: TicketMode.ONSITE })).toEqual(['当场处理']);
    expect(await titles({ categoryPrefix: 'ENVIRONMENTAL_PROTECTION' })).toEqual(['噪音']);
    const cityManagement = await titles({ categoryPrefix: 'CITY_MANAGEMENT' });
    expect(cityManagement).toHaveLength(6);
    expect(cityManagement).not.toContain('下划线不是通配符');
    expect(
      await titles({ statuses: [TicketStatus.REPORTED], categoryPrefix: 'CITY_MANAGEMENT.ROAD' }),
    ).toHaveLength(5);
  });

  it('refuses a grid outside the caller’s scope and names a malformed grid code or category', () => {
    const worker = new TicketService(db.dataSource, authAs(Role.GRID_WORKER, OTHER_GRID));
    expect(() => worker.listByGridQuery(GRID, {})).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(() => service.listByGridQuery('5203', {})).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'gridCode' } }),
    );
    expect(() => service.listByGridQuery(GRID, { categoryPrefix: 'road%' })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.categoryPrefix' } }),
    );
  });
});
