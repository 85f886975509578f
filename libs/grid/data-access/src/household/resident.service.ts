import { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { GridLevel } from '../grid/grid-code';
import { GridEntity } from '../grid/grid.entity';
import {
  birthDateOfNationalId,
  genderOfNationalId,
  nationalIdProblem,
  normaliseNationalId,
} from '../personal-data/national-id';
import { maskIdNumber, type PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { Gender, Population } from './household-enums';
import { type ResidentDetails, ResidentEntity } from './resident.entity';
import { groupBy, visibleByIds, whereInScope } from './scope';
import { TagEntity } from './tag.entity';

export interface CreateResidentInput {
  gridCode: string;
  name: string;
  idNumber: string;
  /** Derived from the ID number when absent; must agree with it when given. */
  gender?: Gender | null;
  birthDate?: string | null;
  phone?: string | null;
  population: Population;
  employment?: string | null;
  education?: string | null;
  tagCodes?: string[] | null;
  details?: ResidentDetails | null;
}

/** Residents: creation with ID checks, scoped reads, lookup by the keyed hash of the ID number. */
export class ResidentService {
  private readonly residents: Repository<ResidentEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.residents = dataSource.getRepository(ResidentEntity);
  }

  async get(id: string): Promise<ResidentEntity> {
    const resident = isUuid(id) ? await this.residents.findOneBy({ id }) : null;
    if (!resident) throw notFound('Resident', id);
    return this.readable(resident);
  }

  /** Exact match on the HMAC of the normalised number (resident_id_number_hash_key): the number is never searched in clear. */
  async findByIdNumber(idNumber: string): Promise<ResidentEntity | null> {
    this.auth.assertAnywhere(Permission.PERSONAL_DATA_READ);
    const normalised = normaliseNationalId(idNumber);
    const problem = nationalIdProblem(normalised);
    if (problem) throw badInput('idNumber', problem);
    const resident = await this.residents.findOneBy({ idNumberHash: this.cipher.hash(normalised) });
    if (!resident) return null;
    // Looking a person up by ID number is itself a personal-data read.
    if (!this.auth.can(Permission.PERSONAL_DATA_READ, resident.gridCode))
      throw forbidden('This resident is outside your personal-data scope');
    return resident;
  }

  async create(input: CreateResidentInput): Promise<ResidentEntity> {
    const idNumber = normaliseNationalId(input.idNumber);
    const name = input.name.trim();
    const problems = new InputProblems().check(
      name.length >= 1 && name.length <= 50,
      'input.name',
      'must be 1 to 50 characters',
    );
    const idProblem = nationalIdProblem(idNumber);
    if (idProblem) problems.add('input.idNumber', idProblem);
    else {
      problems.check(
        !input.birthDate || input.birthDate === birthDateOfNationalId(idNumber),
        'input.birthDate',
        'does not match the ID number',
      );
      problems.check(
        !input.gender || input.gender === genderOfNationalId(idNumber),
        'input.gender',
        'does not match the ID number',
      );
    }
    const phone = input.phone?.replace(/[\s-]/g, '') || null;
    if (phone) problems.check(/^\+?\d{5,15}$/.test(phone), 'input.phone', 'must be 5 to 15 digits');
    const tagCodes = [...new Set(input.tagCodes ?? [])];
    if (tagCodes.length) {
      const tags = await this.dataSource.getRepository(TagEntity).findBy(tagCodes.map((code) => ({ code })));
      const known = new Map(tags.map((t) => [t.code, t]));
      for (const code of tagCodes) {
        const tag = known.get(code);
        if (!tag) problems.add('input.tagCodes', `${code} is not in the tag catalogue`);
        else if (tag.derived)
          problems.add('input.tagCodes', `${code} is derived (from the birth date) and cannot be set`);
      }
    }
    problems.throwIfAny();
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, input.gridCode);
    const grid = await this.dataSource.getRepository(GridEntity).findOneBy({ code: input.gridCode });
    if (!grid || grid.level !== GridLevel.UNIT)
      throw badInput('input.gridCode', `no unit grid has code ${input.gridCode}`);
    try {
      return await this.residents.save(
        this.residents.create({
          gridCode: grid.code,
          householdId: null,
          relationToHead: null,
          name,
          gender: genderOfNationalId(idNumber) as Gender,
          birthDate: birthDateOfNationalId(idNumber) as string,
          idNumberCipher: this.cipher.encrypt(idNumber),
          idNumberHash: this.cipher.hash(idNumber),
          idNumberMasked: maskIdNumber(idNumber),
          phone,
          population: input.population,
          employment: input.employment?.trim() || null,
          education: input.education?.trim() || null,
          tagCodes,
          details: input.details ?? {},
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'resident_id_number_hash_key'))
        throw badInput('input.idNumber', 'a resident with this ID number is registered already');
      throw error;
    }
  }

  /** The residents of a unit grid, by name. */
  async listByGrid(gridCode: string): Promise<ResidentEntity[]> {
    this.auth.assert(Permission.HOUSEHOLD_READ, gridCode);
    return this.residents.find({ where: { gridCode }, order: { name: 'ASC', id: 'ASC' } });
  }

  findVisibleByIds(ids: readonly string[]): Promise<(ResidentEntity | null)[]> {
    return visibleByIds(this.residents, ids, this.auth, Permission.HOUSEHOLD_READ);
  }

  async membersOfHouseholds(householdIds: readonly string[]): Promise<ResidentEntity[][]> {
    const query = this.residents
      .createQueryBuilder('resident')
      .where('resident.householdId IN (:...householdIds)', { householdIds })
      .orderBy('resident.birthDate')
      .addOrderBy('resident.id');
    const rows = await whereInScope(
      query,
      'resident.gridCode',
      this.auth,
      Permission.HOUSEHOLD_READ,
    ).getMany();
    return groupBy(householdIds, rows, (r) => r.householdId);
  }

  private readable(resident: ResidentEntity): ResidentEntity {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_READ);
    if (!this.auth.can(Permission.HOUSEHOLD_READ, resident.gridCode))
      throw forbidden('This resident is outside your scope');
    return resident;
  }
}
