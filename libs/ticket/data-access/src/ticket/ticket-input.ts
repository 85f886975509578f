import { InputProblems, isUuid } from '@gridgov/platform-errors';
import { type AttributeValueInput, checkAttributeValues } from '../catalogue/category-attribute';
import type { IntakeCategory } from '../catalogue/ticket-category.service';
import { TicketChannel, TicketMode, TicketStatus } from './ticket.enums';

export const GRID_CODE = /^\d{15}$/;
/** Dotted upper-case segments of the category catalogue: `CITY_MANAGEMENT` or `CITY_MANAGEMENT.ROAD`. */
export const CATEGORY_CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/;
export const MAX_PHOTOS = 9;
const MAX_URL_LENGTH = 1000;
const MAX_DESCRIPTION = 2000;

export interface ReportTicketInput {
  gridCode: string;
  categoryCode: string;
  /** Defaults to the category's default mode. */
  mode?: TicketMode | null;
  channel: TicketChannel;
  title: string;
  description?: string | null;
  /** Values of the category's extra fields. */
  attributes?: AttributeValueInput[] | null;
  location?: { longitude: number; latitude: number } | null;
  photos?: string[] | null;
  householdId?: string | null;
  residentId?: string | null;
  /** ONSITE only: the reporter already handled it on the spot (it needs ticket:resolve). */
  resolvedOnSite?: boolean | null;
}

/** The checked, trimmed values a new ticket is written from. */
export interface NewTicket {
  gridCode: string;
  adminUnitCode: string;
  categoryCode: string;
  mode: TicketMode;
  status: TicketStatus;
  channel: TicketChannel;
  title: string;
  description: string;
  longitude: number | null;
  latitude: number | null;
  photos: string[];
  householdId: string | null;
  residentId: string | null;
  attributes: Record<string, string[]>;
}

export function isGridCode(code: string): boolean {
  return GRID_CODE.test(code);
}

export function isHttpUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks a report against the catalogue entry its category names (null: not in the catalogue),
 * listing every bad field (BAD_USER_INPUT, `input.<field>`), and normalises it.
 */
export function checkReportInput(input: ReportTicketInput, category: IntakeCategory | null): NewTicket {
  const problems = new InputProblems();
  const gridCode = input.gridCode.trim();
  const categoryCode = input.categoryCode.trim();
  const title = input.title.trim();
  const description = (input.description ?? '').trim();
  const photos = (input.photos ?? []).map((p) => p.trim());
  const location = input.location ?? null;

  problems.check(
    isGridCode(gridCode),
    'input.gridCode',
    'must be a 15-digit grid code such as 520303001001001',
  );
  const wellFormed = categoryCode.length <= 64 && CATEGORY_CODE.test(categoryCode);
  problems.check(
    wellFormed,
    'input.categoryCode',
    'must be a dotted upper-case category code such as CITY_MANAGEMENT.ROAD (at most 64 characters)',
  );
  if (wellFormed) {
    problems.check(
      category !== null,
      'input.categoryCode',
      `${categoryCode} is not in the category catalogue (see ticketCategories)`,
    );
    problems.check(
      !category || category.active,
      'input.categoryCode',
      `${categoryCode} is disabled; report under an active category`,
    );
  }
  const mode = input.mode ?? category?.defaultMode ?? TicketMode.COORDINATED;
  const attributes = category
    ? checkAttributeValues(categoryCode, category.attributes, input.attributes ?? [], problems)
    : {};
  problems.check(title.length >= 2 && title.length <= 100, 'input.title', 'must be 2 to 100 characters');
  problems.check(
    description.length <= MAX_DESCRIPTION,
    'input.description',
    `must be at most ${MAX_DESCRIPTION} characters`,
  );
  problems.check(photos.length <= MAX_PHOTOS, 'input.photos', `at most ${MAX_PHOTOS} photos`);
  photos.forEach((photo, i) =>
    problems.check(
      isHttpUrl(photo),
      `input.photos[${i}]`,
      `must be an http or https URL of at most ${MAX_URL_LENGTH} characters`,
    ),
  );
  if (location) {
    const { longitude, latitude } = location;
    problems.check(
      Number.isFinite(longitude) && longitude >= -180 && longitude <= 180,
      'input.location.longitude',
      'must be between -180 and 180',
    );
    problems.check(
      Number.isFinite(latitude) && latitude >= -90 && latitude <= 90,
      'input.location.latitude',
      'must be between -90 and 90',
    );
  }
  for (const field of ['householdId', 'residentId'] as const) {
    const value = input[field];
    problems.check(!value || isUuid(value), `input.${field}`, 'must be a UUID');
  }
  problems.check(
    !input.resolvedOnSite || mode === TicketMode.ONSITE,
    'input.resolvedOnSite',
    'only ONSITE tickets can be reported resolved',
  );
  problems.throwIfAny();

  return {
    gridCode,
    adminUnitCode: gridCode.slice(0, 12),
    categoryCode,
    mode,
    status: input.resolvedOnSite ? TicketStatus.RESOLVED : TicketStatus.REPORTED,
    channel: input.channel,
    title,
    description,
    longitude: location?.longitude ?? null,
    latitude: location?.latitude ?? null,
    photos,
    householdId: input.householdId || null,
    residentId: input.residentId || null,
    attributes,
  };
}

/** `T2026-000123`: the report year in China time (UTC+8, no DST) and the sequence, at least 6 digits. */
export function formatTicketNumber(reportedAt: Date, sequence: number | string): string {
  return `${ticketNumberPrefix(reportedAt)}${String(sequence).padStart(6, '0')}`;
}

/** `T2026-`; intake pads the sequence in SQL (`writeNewTicket`), the number being drawn in its statement. */
export function ticketNumberPrefix(reportedAt: Date): string {
  return `T${new Date(reportedAt.getTime() + 8 * 3_600_000).getUTCFullYear()}-`;
}
