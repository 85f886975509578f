import { randomUUID } from 'node:crypto';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { webhookTargetPolicy } from '@gridgov/platform-queue';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { AccountEntity } from '../account/account.entity';
import { DepartmentEntity, DepartmentKind } from '../department/department.entity';
import { DepartmentWebhookEntity } from './notification-channel.entity';
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

  it('refuses webhooks to internal addresses, credentials and plain http in production', async () => {
    const departments = db.dataSource.getRepository(DepartmentEntity);
    const { id } = await departments.save(
      departments.create({ unitCode: '520303000000', name: '住建', kind: DepartmentKind.OTHER }),
    );
    const admin = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303' });
    const production = new NotificationChannelService(db.dataSource, admin);
    const secret = 'a-secret-of-16-chars';
    for (const [url, message] of [
      ['http://cg.example/hook', 'input.url: must use https'],
      ['https://127.0.0.1:8443/hook', 'input.url: 127.0.0.1 is a private, loopback, link-local or multicast address'],
      ['https://[::ffff:192.168.0.9]/hook', 'input.url: ::ffff:c0a8:9 is a private, loopback, link-local or multicast address'],
      ['https://169.254.169.254/latest/meta-data', 'input.url: 169.254.169.254 is a private, loopback, link-local or multicast address'],
      ['https://localhost/hook', 'input.url: localhost is a local host name: webhooks go to public hosts only'],
      ['https://ops:pw@cg.example/hook', 'input.url: must not contain a user name or password'],
    ])
      await expect(production.setDepartmentWebhook({ departmentId: id, url, secret })).rejects.toMatchObject({
        message,
        extensions: { code: 'BAD_USER_INPUT', field: 'input.url' },
      });
    expect(await db.dataSource.getRepository(DepartmentWebhookEntity).findOneBy({ departmentId: id })).toBeNull();

    // Outside production http is fine, internal addresses only when the deployment allows them.
    const policy = { NODE_ENV: 'development', WEBHOOK_ALLOW_PRIVATE_HOSTS: false, WEBHOOK_ALLOWED_HOSTS: '' };
    const development = new NotificationChannelService(db.dataSource, admin, webhookTargetPolicy(policy));
    await expect(
      development.setDepartmentWebhook({ departmentId: id, url: 'http://10.0.0.5/hook', secret }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.url' } });
    expect(await development.setDepartmentWebhook({ departmentId: id, url: 'http://cg.example/hook', secret })).toMatchObject({
      url: 'http://cg.example/hook',
    });
    const local = new NotificationChannelService(
      db.dataSource,
      admin,
      webhookTargetPolicy({ ...policy, WEBHOOK_ALLOW_PRIVATE_HOSTS: true }),
    );
    expect(await local.setDepartmentWebhook({ departmentId: id, url: 'http://10.0.0.5/hook', secret })).toMatchObject({
      url: 'http://10.0.0.5/hook',
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
