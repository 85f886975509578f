import { randomUUID } from 'node:crypto';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { AccountEntity } from '../account/account.entity';
import { DepartmentEntity, DepartmentKind } from '../department/department.entity';
import { orgDatabase } from '../index';
import { NotificationChannelService } from './notification-channel.service';
import { NotificationDeliveryService } from './notification-delivery.service';

// Department webhooks are set by managers of the department's unit, with a write-only secret;
// an account sets only its own SMS phone.
describe('NotificationChannelService', () => {
  let db: TestDatabase;
  let departmentId: string;

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    const departments = db.dataSource.getRepository(DepartmentEntity);
    departmentId = (
      await departments.save(
        departments.create({ unitCode: '520303000000', name: '城管', kind: DepartmentKind.URBAN_MANAGEMENT }),
      )
    ).id;
  });
  afterAll(() => db?.close());

  it('sets a department webhook within unit:manage scope only, and reads the secret back only for delivery', async () => {
    const input = { departmentId, url: 'https://cg.example/hook', secret: 'a-secret-of-16-chars' };
    const outsider = new NotificationChannelService(
      db.dataSource,
      callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520304' }),
    );
    await expect(outsider.setDepartmentWebhook(input)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const admin = new NotificationChannelService(
      db.dataSource,
      callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303' }),
    );
    await expect(
      admin.setDepartmentWebhook({ ...input, url: 'ftp://x', secret: 'short' }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const saved = await admin.setDepartmentWebhook(input);
    expect(saved).toMatchObject({ departmentId, url: 'https://cg.example/hook', enabled: true });
    expect(saved.secret).toBeUndefined();
    expect(await new NotificationDeliveryService(db.dataSource).webhookOf(departmentId)).toMatchObject({
      secret: 'a-secret-of-16-chars',
    });
    await expect(admin.setDepartmentWebhook({ ...input, departmentId: randomUUID() })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.departmentId' },
    });
    // Not a uuid: the caller's typo, not a database error.
    await expect(admin.setDepartmentWebhook({ ...input, departmentId: 'cg' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.departmentId' },
    });
  });

  it('keeps each account’s own phone', async () => {
    const accounts = db.dataSource.getRepository(AccountEntity);
    const account = await accounts.save(accounts.create({ username: 'gw', displayName: 'gw' }));
    const own = new NotificationChannelService(
      db.dataSource,
      new AuthContext({ accountId: account.id, grants: [] }),
    );
    await expect(own.setOwnContact('12', true)).rejects.toMatchObject({ extensions: { field: 'phone' } });
    expect(await own.setOwnContact('139-0000 0001', true)).toMatchObject({
      accountId: account.id,
      phone: '13900000001',
    });
    expect(await new NotificationDeliveryService(db.dataSource).phonesOf([account.id])).toEqual([
      { accountId: account.id, phone: '13900000001' },
    ]);
    expect(await own.setOwnContact(null, true)).toBeNull();
    expect(await own.ownContact()).toBeNull();
  });
});
