import { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import type { ResidentEntity } from '../household/resident.entity';
import { whereInScope } from '../household/scope';
import { TagEntity } from '../household/tag.entity';
import { PersonalDataAccessEntity } from './personal-data-access.entity';
import { maskPhone, type PersonalDataCipher } from './personal-data-cipher';

export enum PersonalDataField {
  ID_NUMBER = 'idNumber',
  PHONE = 'phone',
  SENSITIVE_TAGS = 'sensitiveTags',
}

export interface PersonalDataRead {
  resident: ResidentEntity;
  field: PersonalDataField;
  reason: string | null;
}

const ELDERLY_AGE = 60;

/**
 * Decides, per resident, whether the caller sees personal data in clear (PERSONAL_DATA_READ in
 * the resident's grid scope) or masked, and writes one access row per clear read.
 */
export class PersonalDataService {
  private readonly log: Repository<PersonalDataAccessEntity>;
  private catalogue?: Promise<Map<string, TagEntity>>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.log = dataSource.getRepository(PersonalDataAccessEntity);
  }

  mayReveal(resident: ResidentEntity): boolean {
    return this.auth.can(Permission.PERSONAL_DATA_READ, resident.gridCode);
  }

  /** The clear value when the caller may see it (the caller must then record the read), else the masked one. */
  idNumber(resident: ResidentEntity): string {
    return this.mayReveal(resident) ? this.cipher.decrypt(resident.idNumberCipher) : resident.idNumberMasked;
  }

  phone(resident: ResidentEntity): string | null {
    if (!resident.phone) return null;
    return this.mayReveal(resident) ? resident.phone : maskPhone(resident.phone);
  }

  /** Catalogue tags of the resident plus derived ones (ELDERLY from the birth date); sensitive ones only for callers who may reveal. */
  async tags(
    resident: ResidentEntity,
    today = new Date(),
  ): Promise<{ tags: TagEntity[]; sensitiveShown: boolean }> {
    const catalogue = await (this.catalogue ??= this.dataSource
      .getRepository(TagEntity)
      .find()
      .then((tags) => new Map(tags.map((t) => [t.code, t]))));
    const codes =
      ageOn(resident.birthDate, today) >= ELDERLY_AGE ? ['ELDERLY', ...resident.tagCodes] : resident.tagCodes;
    const all = codes.map((c) => catalogue.get(c)).filter((t): t is TagEntity => !!t);
    const reveal = this.mayReveal(resident);
    const tags = reveal ? all : all.filter((t) => !t.sensitive);
    return { tags, sensitiveShown: reveal && tags.some((t) => t.sensitive) };
  }

  /** Writes the access rows of a batch of clear reads: one row per resident and reason, listing its fields. */
  async record(reads: readonly PersonalDataRead[]): Promise<void> {
    const rows = new Map<string, PersonalDataAccessEntity>();
    for (const { resident, field, reason } of reads) {
      const key = `${resident.id}\u0000${reason ?? ''}`;
      const row =
        rows.get(key) ??
        this.log.create({
          accountId: this.auth.accountId,
          residentId: resident.id,
          gridCode: resident.gridCode,
          fields: [],
          reason,
        });
      if (!row.fields.includes(field)) row.fields.push(field);
      rows.set(key, row);
    }
    if (rows.size) await this.log.insert([...rows.values()]);
  }

  /** The access log within the caller's AUDIT_READ scope, newest first, optionally for one resident. */
  async accessLog(filter: { gridCodePrefix?: string | null; residentId?: string | null; first: number }) {
    this.auth.assertAnywhere(Permission.AUDIT_READ);
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > 200)
      throw badInput('first', 'must be 1 to 200');
    const query = this.log
      .createQueryBuilder('access')
      .orderBy('access.accessedAt', 'DESC')
      .addOrderBy('access.id', 'DESC')
      .take(filter.first);
    whereInScope(query, 'access.gridCode', this.auth, Permission.AUDIT_READ);
    if (filter.gridCodePrefix)
      query.andWhere('access.gridCode LIKE :prefix', {
        prefix: `${filter.gridCodePrefix.replace(/\D/g, '')}%`,
      });
    if (filter.residentId)
      query.andWhere('access.residentId = :residentId', { residentId: filter.residentId });
    return query.getMany();
  }
}

function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const beforeBirthday =
    today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}
