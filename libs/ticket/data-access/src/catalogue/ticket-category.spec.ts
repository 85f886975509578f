import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { AttributeDatatype } from './category-attribute';
import { TicketCategoryService } from './ticket-category.service';

const GRID = '520303001001001';

// The catalogue: seeded by migration, extended and disabled by platform admins, enforced at intake.
describe('TicketCategoryService (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  let admin: TicketCategoryService;
  let reporter: TicketService;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    admin = new TicketCategoryService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    reporter = new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID));
  });
  afterAll(() => db?.close());

  const report = (categoryCode: string, extra: object = {}) =>
    reporter.report({
      gridCode: GRID,
      categoryCode,
      channel: TicketChannel.GRID_WORKER,
      title: '测试事项',
      ...extra,
    });

  it('lists the seeded catalogue, parents before children, with the design’s top categories', async () => {
    const codes = (await admin.list(false)).map((c) => c.code);
    for (const top of [
      'PETITION_STABILITY',
      'CITY_MANAGEMENT',
      'SAFETY_PRODUCTION',
      'DISPUTE',
      'PROXY_SERVICE',
    ])
      expect(codes).toContain(top);
    expect(codes).toContain('DISPUTE.NEIGHBOURHOOD');
    expect(codes.indexOf('DISPUTE')).toBeLessThan(codes.indexOf('DISPUTE.FAMILY'));
  });

  it('adds a child category whose reports answer its own and inherited fields and take its default mode', async () => {
    await admin.create({
      code: 'CITY_MANAGEMENT.SHARED_BIKE',
      name: '共享单车乱停放',
      defaultMode: TicketMode.ONSITE,
      attributes: [
        {
          code: 'OPERATOR',
          description: '运营商',
          datatype: AttributeDatatype.SINGLEVALUELIST,
          required: true,
          values: ['HELLO', 'MEITUAN'],
        },
      ],
    });
    await expect(report('CITY_MANAGEMENT.SHARED_BIKE')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.attributes' },
    });
    const ticket = await report('CITY_MANAGEMENT.SHARED_BIKE', {
      attributes: [{ code: 'OPERATOR', values: ['MEITUAN'] }],
    });
    expect(ticket).toMatchObject({ mode: TicketMode.ONSITE, attributes: { OPERATOR: ['MEITUAN'] } });
  });

  it('refuses a duplicate code, a missing parent, bad attribute definitions and non-platform admins', async () => {
    const base = { name: '新类别', defaultMode: TicketMode.COORDINATED };
    await expect(admin.create({ ...base, code: 'CITY_MANAGEMENT.ROAD' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await expect(admin.create({ ...base, code: 'NO_SUCH.CHILD' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.code' },
    });
    await expect(
      admin.create({
        ...base,
        code: 'CITY_MANAGEMENT.X',
        attributes: [
          {
            code: 'KIND',
            description: '',
            datatype: AttributeDatatype.SINGLEVALUELIST,
            required: false,
            values: [],
          },
        ],
      }),
    ).rejects.toMatchObject({ extensions: { field: 'input.attributes[0].values' } });
    const unitAdmin = new TicketCategoryService(dataSource, authAs(Role.UNIT_ADMIN, '520303'));
    await expect(unitAdmin.create({ ...base, code: 'CITY_MANAGEMENT.Y' })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('stops reports under a disabled category and its children until re-enabled', async () => {
    await admin.setActive('ENVIRONMENTAL_SANITATION', false);
    await expect(report('ENVIRONMENTAL_SANITATION.GARBAGE')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.categoryCode' },
    });
    expect((await admin.list(false)).map((c) => c.code)).not.toContain('ENVIRONMENTAL_SANITATION');
    await expect(admin.setActive('ENVIRONMENTAL_SANITATION.GARBAGE', true)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await admin.setActive('ENVIRONMENTAL_SANITATION', true);
    await expect(report('ENVIRONMENTAL_SANITATION.GARBAGE')).resolves.toMatchObject({
      mode: TicketMode.ONSITE,
    });
    await expect(report('NOT_IN.CATALOGUE')).rejects.toMatchObject({
      extensions: { field: 'input.categoryCode' },
    });
  });
});
