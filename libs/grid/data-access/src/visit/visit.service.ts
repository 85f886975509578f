import { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems, isUuid } from '@gridgov/platform-errors';
import { HouseholdEntity } from '../household/household.entity';
import { ResidentEntity } from '../household/resident.entity';
import { groupBy, whereInScope } from '../household/scope';
import { type TrackPoint, VisitEntity } from './visit.entity';

export interface LogVisitInput {
  householdId?: string | null;
  residentId?: string | null;
  visitedAt?: Date | null;
  longitude?: number | null;
  latitude?: number | null;
  notes?: string | null;
  findings?: string | null;
  photoUrls?: string[] | null;
  track?: TrackPoint[] | null;
}

export interface DueVisit {
  resident: ResidentEntity;
  intervalDays: number;
  lastVisitedAt: Date | null;
  dueAt: Date;
}

const MAX_TRACK_POINTS = 5_000;

/** Visits (走访) and who is due for one by the visit intervals of their tags. */
export class VisitService {
  private readonly visits: Repository<VisitEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.visits = dataSource.getRepository(VisitEntity);
  }

  async log(input: LogVisitInput, now = new Date()): Promise<VisitEntity> {
    const problems = new InputProblems().check(
      !!input.householdId || !!input.residentId,
      'input.householdId',
      'give the household or the resident visited',
    );
    const visitedAt = input.visitedAt ?? now;
    problems.check(
      visitedAt.getTime() <= now.getTime() + 60_000,
      'input.visitedAt',
      'must not be in the future',
    );
    problems.check(
      (input.longitude == null) === (input.latitude == null),
      'input.latitude',
      'give both longitude and latitude or neither',
    );
    (input.photoUrls ?? []).forEach((url, i) =>
      problems.check(/^https?:\/\/\S+$/.test(url), `input.photoUrls.${i}`, 'must be an http(s) URL'),
    );
    const track = input.track ?? null;
    if (track) {
      problems.check(
        track.length <= MAX_TRACK_POINTS,
        'input.track',
        `must have at most ${MAX_TRACK_POINTS} points`,
      );
      track.forEach((p, i) => {
        const ok =
          Math.abs(p.longitude) <= 180 && Math.abs(p.latitude) <= 90 && !Number.isNaN(Date.parse(p.at));
        problems.check(ok, `input.track.${i}`, 'needs longitude ±180, latitude ±90 and an ISO time');
        if (ok && i > 0)
          problems.check(
            Date.parse(p.at) >= Date.parse(track[i - 1].at),
            `input.track.${i}.at`,
            'must not be before the previous point',
          );
      });
    }
    problems.throwIfAny();
    const [household, resident] = await Promise.all([
      input.householdId && isUuid(input.householdId)
        ? this.dataSource.getRepository(HouseholdEntity).findOneBy({ id: input.householdId })
        : null,
      input.residentId && isUuid(input.residentId)
        ? this.dataSource.getRepository(ResidentEntity).findOneBy({ id: input.residentId })
        : null,
    ]);
    if (input.householdId && !household)
      throw badInput('input.householdId', `no household has id ${input.householdId}`);
    if (input.residentId && !resident)
      throw badInput('input.residentId', `no resident has id ${input.residentId}`);
    if (household && resident && resident.householdId !== household.id)
      throw badInput('input.residentId', `${resident.name} is not a member of that household`);
    const gridCode = household?.gridCode ?? (resident as ResidentEntity).gridCode;
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, gridCode);
    return this.visits.save(
      this.visits.create({
        gridCode,
        householdId: household?.id ?? resident?.householdId ?? null,
        residentId: resident?.id ?? null,
        visitorAccountId: this.auth.accountId,
        visitedAt,
        longitude: input.longitude ?? null,
        latitude: input.latitude ?? null,
        notes: input.notes?.trim() ?? '',
        findings: input.findings?.trim() ?? '',
        photoUrls: input.photoUrls ?? [],
        track,
      }),
    );
  }

  /** Latest visits first, per household or per resident (the loader keys say which). */
  async recentOf(
    column: 'householdId' | 'residentId',
    ids: readonly string[],
    limit = 20,
  ): Promise<VisitEntity[][]> {
    const query = this.visits
      .createQueryBuilder('visit')
      .where(`visit.${column} IN (:...ids)`, { ids })
      .orderBy('visit.visitedAt', 'DESC');
    const rows = await whereInScope(query, 'visit.gridCode', this.auth, Permission.HOUSEHOLD_READ).getMany();
    return groupBy(ids, rows, (v) => v[column] as string).map((visits) => visits.slice(0, limit));
  }

  /**
   * Residents in the caller's HOUSEHOLD_MANAGE scope (optionally one grid) whose shortest tag visit
   * interval has run out since their last visit (to them or their household), soonest due first.
   */
  async due(filter: { gridCode?: string | null; withinDays: number }, now = new Date()): Promise<DueVisit[]> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    if (filter.gridCode) this.auth.assert(Permission.HOUSEHOLD_MANAGE, filter.gridCode);
    const query = this.dataSource
      .getRepository(ResidentEntity)
      .createQueryBuilder('resident')
      .innerJoin('tag', 'tag', 'tag.code = ANY(resident.tag_codes) AND tag.visit_interval_days IS NOT NULL')
      .select('resident.id', 'id')
      .addSelect('min(tag.visit_interval_days)', 'intervalDays')
      .addSelect(
        `greatest(
          (SELECT max(v.visited_at) FROM visit v WHERE v.resident_id = resident.id),
          (SELECT max(v.visited_at) FROM visit v WHERE v.household_id = resident.household_id))`,
        'lastVisitedAt',
      )
      .groupBy('resident.id');
    whereInScope(query, 'resident.gridCode', this.auth, Permission.HOUSEHOLD_MANAGE);
    if (filter.gridCode) query.andWhere('resident.gridCode = :gridCode', { gridCode: filter.gridCode });
    const rows: { id: string; intervalDays: number; lastVisitedAt: Date | null }[] = await this.dataSource
      .createQueryBuilder()
      .select('due.*')
      .from(`(${query.getQuery()})`, 'due')
      .setParameters(query.getParameters())
      .where(
        `coalesce(due."lastVisitedAt" + due."intervalDays" * interval '1 day', '-infinity') <= :horizon`,
        { horizon: new Date(now.getTime() + filter.withinDays * 86_400_000) },
      )
      .getRawMany();
    if (rows.length === 0) return [];
    const residents = new Map(
      (await this.dataSource.getRepository(ResidentEntity).findBy(rows.map((r) => ({ id: r.id })))).map(
        (r) => [r.id, r],
      ),
    );
    return rows
      .map((r) => ({
        resident: residents.get(r.id) as ResidentEntity,
        intervalDays: Number(r.intervalDays),
        lastVisitedAt: r.lastVisitedAt,
        dueAt: r.lastVisitedAt
          ? new Date(r.lastVisitedAt.getTime() + Number(r.intervalDays) * 86_400_000)
          : now,
      }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }
}
