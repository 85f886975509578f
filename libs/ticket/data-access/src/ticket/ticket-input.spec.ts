import { GraphQLError } from 'graphql';
import { AttributeDatatype } from '../catalogue/category-attribute';
import type { IntakeCategory } from '../catalogue/ticket-category.service';
import { checkReportInput, formatTicketNumber, type ReportTicketInput } from './ticket-input';
import { TicketChannel, TicketMode, TicketStatus } from './ticket.enums';

const valid: ReportTicketInput = {
  gridCode: '520303001001001',
  categoryCode: 'CITY_MANAGEMENT.ROAD',
  mode: TicketMode.COORDINATED,
  channel: TicketChannel.GRID_WORKER,
  title: '路面破损',
};

/** A catalogue entry as intake reads it, with one optional list field and one required number. */
const ROAD: IntakeCategory = {
  code: 'CITY_MANAGEMENT.ROAD',
  defaultMode: TicketMode.COORDINATED,
  active: true,
  attributes: [
    {
      code: 'SURFACE',
      description: '路面类型',
      datatype: AttributeDatatype.SINGLEVALUELIST,
      required: false,
      values: ['ASPHALT', 'PAVING'],
    },
    { code: 'AREA_M2', description: '面积', datatype: AttributeDatatype.NUMBER, required: true, values: [] },
  ],
};
const AREA = [{ code: 'AREA_M2', values: ['2'] }];

/** The fields a bad report is rejected for, as BAD_USER_INPUT lists them. */
function problemFields(input: Partial<ReportTicketInput>, category: IntakeCategory | null = ROAD): string[] {
  try {
    checkReportInput({ ...valid, attributes: AREA, ...input }, category);
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
    const ticket = checkReportInput(
      { ...valid, title: '  路面破损  ', gridCode: ' 520303001001001 ', attributes: AREA },
      ROAD,
    );
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
      attributes: { AREA_M2: ['2'] },
    });
  });

  it("takes the category's default mode when the report names none", () => {
    const { mode } = checkReportInput(
      { ...valid, mode: null, attributes: AREA },
      { ...ROAD, defaultMode: TicketMode.ONSITE },
    );
    expect(mode).toBe(TicketMode.ONSITE);
  });

  it('starts an ONSITE ticket reported resolved as RESOLVED', () => {
    expect(
      checkReportInput({ ...valid, mode: TicketMode.ONSITE, resolvedOnSite: true, attributes: AREA }, ROAD)
        .status,
    ).toBe(TicketStatus.RESOLVED);
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
    ['a missing required attribute', { attributes: [] }, ['input.attributes']],
    [
      'an unknown attribute',
      { attributes: [...AREA, { code: 'COLOUR', values: ['RED'] }] },
      ['input.attributes[1].code'],
    ],
    [
      'a value not in the list',
      { attributes: [...AREA, { code: 'SURFACE', values: ['GRAVEL'] }] },
      ['input.attributes[1].values'],
    ],
    [
      'two values for a single-valued field',
      { attributes: [{ code: 'AREA_M2', values: ['1', '2'] }] },
      ['input.attributes[0].values'],
    ],
    [
      'a number that is none',
      { attributes: [{ code: 'AREA_M2', values: ['two'] }] },
      ['input.attributes[0].values'],
    ],
  ])('rejects %s', (_case, input, fields) => {
    expect(problemFields(input)).toEqual(fields);
  });

  it('rejects a category missing from the catalogue or disabled', () => {
    expect(problemFields({}, null)).toEqual(['input.categoryCode']);
    expect(problemFields({}, { ...ROAD, active: false })).toEqual(['input.categoryCode']);
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
