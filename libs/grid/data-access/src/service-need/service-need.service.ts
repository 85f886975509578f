import { DataSource, In, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import {
  badInput,
  checkId,
  conflict,
  InputProblems,
  invalidTransition,
  isUuid,
  notFound,
} from '@gridgov/platform-errors';
import { HouseholdEntity } from '../household/household.entity';
import { ResidentEntity } from '../household/resident.entity';
import { groupBy } from '../household/scope';
import { ServiceNeedCategory, ServiceNeedEntity, ServiceNeedStatus } from './service-need.entity';

export interface RecordServiceNeedInput {
  householdId?: string | null;
  residentId?: string | null;
  category: ServiceNeedCategory;
  description: string;
}

const NEXT: Record<ServiceNeedStatus, ServiceNeedStatus[]> = {
  [ServiceNeedStatus.OPEN]: [
    ServiceNeedStatus.IN_PROGRESS,
    ServiceNeedStatus.MET,
    ServiceNeedStatus.CANCELLED,
  ],
  [ServiceNeedStatus.IN_PROGRESS]: [ServiceNeedStatus.MET, ServiceNeedStatus.CANCELLED],
  [ServiceNeedStatus.MET]: [],
  [ServiceNeedStatus.CANCELLED]: [],
};

/** The service-need file: needs of a household or a resident, OPEN → IN_PROGRESS → MET (or CANCELLED). */
export class ServiceNeedService {
  private readonly needs: Repository<ServiceNeedEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.needs = dataSource.getRepository(ServiceNeedEntity);
  }

  async record(input: RecordServiceNeedInput): Promise<ServiceNeedEntity> {
    const problems = new InputProblems();
    problems.check(
      !!input.householdId !== !!input.residentId,
      'input.householdId',
      'give either a householdId or a residentId',
    );
    const description = input.description.trim();
    problems.check(
      description.length >= 2 && description.length <= 1000,
      'input.description',
      'must be 2 to 1000 characters',
    );
    problems.throwIfAny();
    const field = input.householdId ? 'input.householdId' : 'input.residentId';
    checkId((input.householdId ?? input.residentId) as string, field);
    const subject = input.householdId
      ? await this.dataSource.getRepository(HouseholdEntity).findOneBy({ id: input.householdId })
      : await this.dataSource.getRepository(ResidentEntity).findOneBy({ id: input.residentId as string });
    if (!subject) throw badInput(field, `no ${input.householdId ? 'household' : 'resident'} has this id`);
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, subject.gridCode);
    return this.needs.save(
      this.needs.create({
        gridCode: subject.gridCode,
        householdId: input.householdId ?? null,
        residentId: input.residentId ?? null,
        category: input.category,
        description,
        status: ServiceNeedStatus.OPEN,
        statusNote: null,
        recordedBy: this.auth.accountId,
      }),
    );
  }

  /** A cancellation needs a note saying why. */
  async changeStatus(
    id: string,
    status: ServiceNeedStatus,
    note?: string | null,
  ): Promise<ServiceNeedEntity> {
    const need = isUuid(id) ? await this.needs.findOneBy({ id }) : null;
    if (!need) throw notFound('ServiceNeed', id);
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, need.gridCode);
    const allowed = NEXT[need.status];
    if (!allowed.includes(status))
      throw invalidTransition(
        `A ${need.status} need cannot become ${status}${allowed.length ? `; it may become ${allowed.join(' or ')}` : ''}`,
        { from: need.status, to: status },
      );
    const statusNote = note?.trim() || null;
    if (statusNote && statusNote.length > 500) throw badInput('note', 'must be at most 500 characters');
    if (status === ServiceNeedStatus.CANCELLED && !statusNote)
      throw badInput('note', 'say why the need is cancelled');
    // Guarded by the old status, so two workers cannot both move the same need.
    const result = await this.needs.update({ id, status: need.status }, { status, statusNote });
    if (result.affected !== 1) throw conflict('The need changed meanwhile; reload it');
    return { ...need, status, statusNote };
  }

  async ofSubjects(
    column: 'householdId' | 'residentId',
    ids: readonly string[],
  ): Promise<ServiceNeedEntity[][]> {
    const rows = await this.needs.find({ where: { [column]: In([...ids]) }, order: { createdAt: 'DESC' } });
    const visible = rows.filter((n) => this.auth.can(Permission.HOUSEHOLD_READ, n.gridCode));
    return groupBy(ids, visible, (n) => n[column] as string);
  }

  /** Needs in a scope, newest first, optionally of one status. */
  async list(
    gridCodePrefix: string,
    status: ServiceNeedStatus | null,
    first: number,
  ): Promise<ServiceNeedEntity[]> {
    if (!/^\d{2,15}$/.test(gridCodePrefix)) throw badInput('gridCodePrefix', 'must be 2 to 15 digits');
    if (first < 1 || first > 200) throw badInput('first', 'must be 1 to 200');
    this.auth.assert(Permission.HOUSEHOLD_READ, gridCodePrefix);
    const query = this.needs
      .createQueryBuilder('need')
      .where('need.gridCode LIKE :prefix', { prefix: `${gridCodePrefix}%` })
      .orderBy('need.createdAt', 'DESC')
      .take(first);
    if (status) query.andWhere('need.status = :status', { status });
    return query.getMany();
  }
}
