import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { conflict, forbidden, isUuid, notFound } from '@gridgov/platform-errors';
import { AssessmentPeriodKind, AssessmentSchemeStatus, AssessmentSubjectKind } from './assessment-kinds';
import { AssessmentIndicatorEntity } from './assessment-indicator.entity';
import { AssessmentSchemeEntity } from './assessment-scheme.entity';
import {
  type CreateAssessmentSchemeInput,
  validateSchemeInput,
  type ValidSchemeInput,
} from './assessment-scheme.validation';
import { ancestorScopeCodes } from './unit-scope-code';

export interface AssessmentSchemeFilter {
  subjectKind?: AssessmentSubjectKind | null;
  periodKind?: AssessmentPeriodKind | null;
}

/** Writes a validated scheme and its indicators with `manager`; the caller supplies the transaction. */
export async function insertScheme(
  manager: EntityManager,
  valid: ValidSchemeInput,
  meta: { createdBy: string | null; status: AssessmentSchemeStatus },
): Promise<AssessmentSchemeEntity> {
  const { indicators, ...fields } = valid;
  const id = randomUUID();
  const scheme = manager.create(AssessmentSchemeEntity, {
    ...fields,
    id,
    lineageId: id,
    version: 1,
    ...meta,
  });
  await manager.insert(AssessmentSchemeEntity, scheme); // fills createdAt and updatedAt from RETURNING
  await manager.insert(
    AssessmentIndicatorEntity,
    indicators.map((indicator) => ({ ...indicator, schemeId: id })),
  );
  return scheme;
}

/**
 * Assessment schemes and their indicators. A scheme is managed within the scope of its owner unit;
 * it is readable there and from every unit below it, whose subjects it rates.
 */
export class AssessmentSchemeService {
  private readonly schemes: Repository<AssessmentSchemeEntity>;
  private readonly indicators: Repository<AssessmentIndicatorEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.schemes = dataSource.getRepository(AssessmentSchemeEntity);
    this.indicators = dataSource.getRepository(AssessmentIndicatorEntity);
  }

  /** Validates everything first, then writes the scheme and all its indicators in one transaction. */
  async create(input: CreateAssessmentSchemeInput): Promise<AssessmentSchemeEntity> {
    const valid = validateSchemeInput(input);
    this.auth.assert(Permission.ASSESSMENT_MANAGE, valid.ownerUnitCode);
    try {
      return await this.dataSource.transaction((manager) =>
        insertScheme(manager, valid, {
          createdBy: this.auth.accountId,
          status: AssessmentSchemeStatus.DRAFT,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'assessment_scheme_owner_name_version_key')) {
        throw conflict(
          `Unit ${valid.ownerUnitCode} has a scheme named “${valid.name}” already; make a new version of it instead`,
        );
      }
      throw error;
    }
  }

  /** DRAFT → ACTIVE: from then on the scheme is frozen and can be run. */
  async activate(id: string): Promise<AssessmentSchemeEntity> {
    const scheme = await this.get(id);
    this.auth.assert(Permission.ASSESSMENT_MANAGE, scheme.ownerUnitCode);
    if (scheme.status === AssessmentSchemeStatus.ACTIVE) throw conflict(`Scheme ${id} is ACTIVE already`);
    await this.schemes.update(
      { id, status: AssessmentSchemeStatus.DRAFT },
      { status: AssessmentSchemeStatus.ACTIVE },
    );
    return this.schemes.findOneByOrFail({ id });
  }

  async get(id: string): Promise<AssessmentSchemeEntity> {
    this.auth.assertAnywhere(Permission.ASSESSMENT_READ);
    const scheme = isUuid(id) ? await this.schemes.findOneBy({ id }) : null;
    if (!scheme) throw notFound('AssessmentScheme', id);
    if (!this.canRead(scheme.ownerUnitCode)) throw forbidden(`Assessment scheme ${id} is outside your scope`);
    return scheme;
  }

  /** Schemes the caller may read, filtered; the caller pages it. */
  listQuery(filter: AssessmentSchemeFilter): SelectQueryBuilder<AssessmentSchemeEntity> {
    this.auth.assertAnywhere(Permission.ASSESSMENT_READ);
    const query = this.schemes.createQueryBuilder('scheme');
    this.whereReadable(query);
    if (filter.subjectKind)
      query.andWhere('scheme.subjectKind = :subjectKind', { subjectKind: filter.subjectKind });
    if (filter.periodKind)
      query.andWhere('scheme.periodKind = :periodKind', { periodKind: filter.periodKind });
    return query;
  }

  /**
   * Indicators of many schemes in position order, for a DataLoader. Only called for schemes
   * already read through `get` or `listQuery`, which checked scope.
   */
  async indicatorsOf(schemeIds: readonly string[]): Promise<AssessmentIndicatorEntity[][]> {
    const rows = await this.indicators.find({
      where: { schemeId: In([...schemeIds]) },
      order: { schemeId: 'ASC', position: 'ASC' },
    });
    const bySchemeId = new Map<string, AssessmentIndicatorEntity[]>();
    for (const row of rows) bySchemeId.set(row.schemeId, [...(bySchemeId.get(row.schemeId) ?? []), row]);
    return schemeIds.map((id) => bySchemeId.get(id) ?? []);
  }

  private canRead(ownerUnitCode: string): boolean {
    return this.auth
      .scopePrefixes(Permission.ASSESSMENT_READ)
      .some((prefix) => ownerUnitCode.startsWith(prefix) || prefix.startsWith(ownerUnitCode));
  }

  /** Same rule as `canRead`, as index-friendly SQL: owned inside a scope, or by a unit above one. */
  private whereReadable(query: SelectQueryBuilder<AssessmentSchemeEntity>): void {
    const prefixes = this.auth.scopePrefixes(Permission.ASSESSMENT_READ);
    if (prefixes.includes('')) return;
    const ancestors = [...new Set(prefixes.flatMap(ancestorScopeCodes))];
    query.andWhere(
      new Brackets((where) => {
        prefixes.forEach((prefix, i) =>
          where.orWhere(`scheme.ownerUnitCode LIKE :scope${i}`, { [`scope${i}`]: `${prefix}%` }),
        );
        if (ancestors.length > 0) where.orWhere('scheme.ownerUnitCode IN (:...ancestors)', { ancestors });
      }),
    );
  }
}
