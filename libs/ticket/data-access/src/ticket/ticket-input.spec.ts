import { GraphQLError } from 'graphql';
import { checkReportInput, formatTicketNumber, type ReportTicketInput } from './ticket-input';
import { TicketChannel, TicketMode, TicketStatus } from './ticket.enums';

const valid: ReportTicketInput = {
  gridCode: '520303001001001',
  categoryCode: 'CITY_MANAGEMENT.ROAD',
  mode: TicketMode.COORDINATED,
  channel: TicketChannel.GRID_WORKER,
  title: '路面破损',
};

/** The fields a bad report is rejected for, as BAD_USER_INPUT lists them. */
function problemFields(input: Partial<ReportTicketInput>): string[] {
  try {
    checkReportInput({ ...valid, ...input });
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const extensions = (error as GraphQLError).extensions as { code: string; problems: { field: string }[] };
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return extensions.problems.map((p) => p.field);
  }
  return [];
}

describe('checkReportInput', () => {
  it('accepts a minimal report, trims it and derives the community code', () => {
    const ticket = checkReportInput({ ...valid, title: '  路面破损  ', gridCode: ' 520303001001001 ' });
    expect(ticket).toMatchObject({
      gridCode: '520303001001001',
      adminUnitCode: '520303001001',
      title: '路面破损',
      description: '',
      status: TicketStatus.REPORTED,
      photos: [],
      longitude: null,
      latitude: null,
      householdId: null,
    });
  });

  it('starts an ONSITE ticket reported resolved as RESOLVED', () => {
    expect(checkReportInput({ ...valid, mode: TicketMode.ONSITE, resolvedOnSite: true }).status).toBe(
      TicketStatus.RESOLVED,
    );
  });

  it.each<[string, Partial<ReportTicketInput>, string[]]>([
    ['a 12-digit grid code', { gridCode: '520303001001' }, ['input.gridCode']],
    ['letters in the grid code', { gridCode: '52030300100100A' }, ['input.gridCode']],
    ['a lower-case category', { categoryCode: 'city_management.road' }, ['input.categoryCode']],
    ['an empty category segment', { categoryCode: 'CITY_MANAGEMENT..ROAD' }, ['input.categoryCode']],
    ['a one-character title', { title: ' x ' }, ['input.title']],
    ['a 101-character title', { title: 'x'.repeat(101) }, ['input.title']],
    ['a 2001-character description', { description: 'x'.repeat(2001) }, ['input.description']],
    [
      'ten photos',
      { photos: Array.from({ length: 10 }, (_, i) => `https://p.example/${i}.jpg`) },
      ['input.photos'],
    ],
    [
      'a non-http photo URL',
      { photos: ['https://p.example/1.jpg', 'ftp://p.example/2.jpg'] },
      ['input.photos[1]'],
    ],
    ['a photo that is no URL', { photos: ['not a url'] }, ['input.photos[0]']],
    [
      'a longitude out of range',
      { location: { longitude: 181, latitude: 27 } },
      ['input.location.longitude'],
    ],
    ['a latitude out of range', { location: { longitude: 106, latitude: -91 } }, ['input.location.latitude']],
    ['a household id that is no UUID', { householdId: '42' }, ['input.householdId']],
    ['a resolved COORDINATED report', { resolvedOnSite: true }, ['input.resolvedOnSite']],
  ])('rejects %s', (_case, input, fields) => {
    expect(problemFields(input)).toEqual(fields);
  });

  it('lists every bad field at once', () => {
    expect(problemFields({ gridCode: '1', title: '', photos: ['x'] })).toEqual([
      'input.gridCode',
      'input.title',
      'input.photos[0]',
    ]);
  });
});

describe('formatTicketNumber', () => {
  it('uses the report year in China time and pads the sequence to six digits', () => {
    expect(formatTicketNumber(new Date('2026-03-01T00:00:00Z'), 123)).toBe('T2026-000123');
    // 16:30 UTC on New Year's Eve is already 00:30 on 1 January in Beijing.
    expect(formatTicketNumber(new Date('2025-12-31T16:30:00Z'), '7')).toBe('T2026-000007');
  });

  it('never truncates a sequence beyond six digits', () => {
    expect(formatTicketNumber(new Date('2026-06-01T00:00:00Z'), 12345678)).toBe('T2026-12345678');
  });
});
