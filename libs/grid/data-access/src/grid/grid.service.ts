import { Brackets, DataSource, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import {
  boundariesOverlap,
  boundaryContains,
  boundaryProblem,
  boundaryWithin,
  boundingBox,
  type GridBoundary,
} from './grid-boundary';
import {
  adminUnitCodeProblem,
  GridKind,
  gridCodeProblem,
  GridLevel,
  gridScopePrefix,
  isGridLevel,
} from './grid-code';
import { GridEntity } from './grid.entity';

export interface CreateGridInput {
  code: string;
  name: string;
  level: number;
  kind?: GridKind | null;
  adminUnitCode: string;
  parentCode?: string | null;
  boundary: unknown;
  responsibleName?: string | null;
  responsiblePhone?: string | null;
}

export interface GridFilter {
  level?: number | null;
  kind?: GridKind | null;
  /** Digits match a code prefix; other text a part of the name. */
  search?: string | null;
}

/** Grids: creation with code and boundary checks, scoped lookups and lists, boundary updates. */
export class GridService {
  private readonly grids: Repository<GridEntity>;

  constructor(
    dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.grids = dataSource.getRepository(GridEntity);
  }

  async get(id: string): Promise<GridEntity> {
    const grid = isUuid(id) ? await this.grids.findOneBy({ id }) : null;
    if (!grid) throw notFound('Grid', id);
    return this.readable(grid);
  }

  async getByCode(code: string): Promise<GridEntity> {
    const grid = await this.grids.findOneBy({ code });
    if (!grid) throw notFound('Grid', code);
    return this.readable(grid);
  }

  /** For reference resolvers and loaders: grids the caller may not see come back as null, not errors. */
  async findVisibleByIds(ids: readonly string[]): Promise<(GridEntity | null)[]> {
    const rows = await this.grids.createQueryBuilder('grid').where('grid.id IN (:...ids)', { ids }).getMany();
    const byId = new Map(
      rows.filter((g) => this.auth.can(Permission.GRID_READ, g.code)).map((g) => [g.id, g]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  async findVisibleByCodes(codes: readonly string[]): Promise<(GridEntity | null)[]> {
    const rows = await this.grids
      .createQueryBuilder('grid')
      .where('grid.code IN (:...codes)', { codes })
      .getMany();
    const byCode = new Map(
      rows.filter((g) => this.auth.can(Permission.GRID_READ, g.code)).map((g) => [g.code, g]),
    );
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /** The grids of one administrative unit that the caller may read, filtered; the caller pages it. */
  listQuery(adminUnitCode: string, filter: GridFilter): SelectQueryBuilder<GridEntity> {
    this.auth.assertAnywhere(Permission.GRID_READ);
    const query = this.grids
      .createQueryBuilder('grid')
      .where('grid.adminUnitCode = :adminUnitCode', { adminUnitCode });
    const prefixes = this.auth.scopePrefixes(Permission.GRID_READ);
    if (!prefixes.includes('')) {
      query.andWhere(
        new Brackets((where) => {
          prefixes.forEach((prefix, i) =>
            where.orWhere(`grid.code LIKE :scope${i}`, { [`scope${i}`]: `${prefix}%` }),
          );
        }),
      );
    }
    if (filter.level != null) query.andWhere('grid.level = :level', { level: filter.level });
    if (filter.kind) query.andWhere('grid.kind = :kind', { kind: filter.kind });
    const search = filter.search?.trim();
    if (search) {
      if (/^\d+$/.test(search)) query.andWhere('grid.code LIKE :codePrefix', { codePrefix: `${search}%` });
      else query.andWhere('lower(grid.name) LIKE :name', { name: `%${escapeLike(search.toLowerCase())}%` });
    }
    return query;
  }

  /** The most specific grid the caller may read whose boundary contains the point, or null. */
  async gridAt(lon: number, lat: number): Promise<GridEntity | null> {
    this.auth.assertAnywhere(Permission.GRID_READ);
    // Same expression as grid_bbox_idx, so the box test uses the index; the exact test follows in memory.
    const candidates = await this.grids
      .createQueryBuilder('grid')
      .where('box(point(grid.minLon, grid.minLat), point(grid.maxLon, grid.maxLat)) @> point(:lon, :lat)', {
        lon,
        lat,
      })
      .orderBy('grid.level', 'DESC')
      .addOrderBy('grid.code', 'ASC')
      .getMany();
    return (
      candidates.find(
        (g) => this.auth.can(Permission.GRID_READ, g.code) && boundaryContains(g.boundary, [lon, lat]),
      ) ?? null
    );
  }

  async create(input: CreateGridInput): Promise<GridEntity> {
    const code = input.code.trim();
    const name = input.name.trim();
    const adminUnitCode = input.adminUnitCode.trim();
    const problems = new InputProblems();
    problems.check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters');
    if (!isGridLevel(input.level)) {
      problems.add('input.level', 'must be 1 (district), 2 (street), 3 (community) or 4 (unit grid)');
    } else {
      const unitProblem = adminUnitCodeProblem(adminUnitCode, input.level);
      if (unitProblem) problems.add('input.adminUnitCode', unitProblem);
      const codeProblem = gridCodeProblem(code, adminUnitCode, input.level);
      if (codeProblem) problems.add('input.code', codeProblem);
      if (input.level === GridLevel.UNIT)
        problems.check(!!input.kind, 'input.kind', 'is required for a unit grid (level 4)');
      else problems.check(!input.kind, 'input.kind', 'is only for unit grids (level 4)');
    }
    const boundary = this.checkBoundary(input.boundary, 'input.boundary', problems);
    problems.throwIfAny();

    this.auth.assert(Permission.GRID_MANAGE, adminUnitCode);
    const level = input.level as GridLevel;
    let parentId: string | null = null;
    if (input.parentCode) {
      const parent = await this.grids.findOneBy({ code: input.parentCode });
      if (!parent) throw badInput('input.parentCode', `no grid has code ${input.parentCode}`);
      const prefix = gridScopePrefix(parent.level, parent.adminUnitCode);
      if (parent.level >= level || !code.startsWith(prefix)) {
        throw badInput(
          'input.parentCode',
          `a level-${parent.level} grid ${parent.code} cannot contain a level-${level} grid ${code}`,
        );
      }
      if (!boundaryWithin(boundary, parent.boundary))
        throw badInput('input.boundary', `must lie inside the parent grid ${parent.code} (${parent.name})`);
      parentId = parent.id;
    }
    try {
      return await this.grids.save(
        this.grids.create({
          code,
          name,
          level,
          kind: level === GridLevel.UNIT ? input.kind : null,
          adminUnitCode,
          parentId,
          boundary,
          ...boundingBox(boundary),
          responsibleName: input.responsibleName?.trim() || null,
          responsiblePhone: input.responsiblePhone?.trim() || null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'grid_code_key'))
        throw conflict(`A grid with code ${code} exists already`);
      throw error;
    }
  }

  async updateBoundary(id: string, value: unknown): Promise<GridEntity> {
    const problems = new InputProblems();
    const boundary = this.checkBoundary(value, 'boundary', problems);
    problems.throwIfAny();
    const grid = isUuid(id) ? await this.grids.findOneBy({ id }) : null;
    if (!grid) throw notFound('Grid', id);
    this.auth.assert(Permission.GRID_MANAGE, grid.code);
    const parent = grid.parentId ? await this.grids.findOneBy({ id: grid.parentId }) : null;
    if (parent && !boundaryWithin(boundary as GridBoundary, parent.boundary))
      throw badInput('boundary', `must lie inside the parent grid ${parent.code} (${parent.name})`);
    Object.assign(grid, { boundary, ...boundingBox(boundary) });
    return this.grids.save(grid);
  }

  /**
   * For each grid asked for (a loader's batch), the grids of the same parent (or, without one, of the
   * same unit and level) whose area overlaps it, ordered by code: reported, not refused, since
   * boundaries are often redrawn one grid at a time. One query for the whole batch; only siblings the
   * caller may read are listed.
   */
  async overlappingSiblingsOf(grids: readonly GridEntity[]): Promise<GridEntity[][]> {
    if (grids.length === 0) return [];
    const { entities, raw } = await this.grids
      .createQueryBuilder('sibling')
      .innerJoin(
        GridEntity,
        'grid',
        // Same expression as grid_bbox_idx: only grids whose boxes meet are compared exactly.
        `sibling.id <> grid.id
         AND box(point(sibling.minLon, sibling.minLat), point(sibling.maxLon, sibling.maxLat))
          && box(point(grid.minLon, grid.minLat), point(grid.maxLon, grid.maxLat))
         AND (grid.parentId = sibling.parentId OR (grid.parentId IS NULL AND sibling.parentId IS NULL
           AND sibling.adminUnitCode = grid.adminUnitCode AND sibling.level = grid.level))`,
      )
      .addSelect('grid.id', 'of_grid_id')
      .where('grid.id IN (:...ids)', { ids: grids.map((g) => g.id) })
      .orderBy('sibling.code')
      .getRawAndEntities<{ sibling_id: string; of_grid_id: string }>();
    const readable = new Map(
      entities.filter((g) => this.auth.can(Permission.GRID_READ, g.code)).map((g) => [g.id, g]),
    );
    const candidates = new Map(grids.map((g) => [g.id, [] as GridEntity[]]));
    for (const row of raw) {
      const sibling = readable.get(row.sibling_id);
      if (sibling) candidates.get(row.of_grid_id)?.push(sibling);
    }
    return grids.map((grid) =>
      (candidates.get(grid.id) ?? []).filter((sibling) => boundariesOverlap(grid.boundary, sibling.boundary)),
    );
  }

  private checkBoundary(value: unknown, field: string, problems: InputProblems): GridBoundary {
    const problem = boundaryProblem(value);
    if (problem) problems.add(field, problem);
    return value as GridBoundary;
  }

  private readable(grid: GridEntity): GridEntity {
    this.auth.assertAnywhere(Permission.GRID_READ);
    if (!this.auth.can(Permission.GRID_READ, grid.code))
      throw forbidden(`Grid ${grid.code} is outside your scope`);
    return grid;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
