import { randomUUID } from 'node:crypto';
import { AuthContext } from '@gridgov/platform-auth';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { AccountEntity } from '../account/account.entity';
import { orgDatabase } from '../index';
import { NotificationService } from './notification.service';

// Inbox per account: delivery by workers, listing, unread count and mark-read stay within one's own inbox.
describe('NotificationService', () => {
  let db: TestDatabase;
  let alice: string;
  let bob: string;
  const inboxOf = (accountId: string) =>
    new NotificationService(db.dataSource, new AuthContext({ accountId, grants: [] }));
  const worker = () =>
    new NotificationService(db.dataSource, new AuthContext({ accountId: null, grants: [] }));

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    const accounts = db.dataSource.getRepository(AccountEntity);
    [alice, bob] = (
      await accounts.save([
        accounts.create({ username: 'alice', displayName: 'A' }),
        accounts.create({ username: 'bob', displayName: 'B' }),
      ])
    ).map((a) => a.id);
  });
  afterAll(() => db?.close());

  it('delivers into one inbox, counts and marks read only the owner’s notifications', async () => {
    const first = await worker().deliver(alice, {
      kind: 'TICKET_ASSIGNED',
      title: '新工单',
      body: '请处理',
      link: '/tickets/1',
    });
    await worker().deliver(alice, {
      kind: 'MEETING_REMINDER',
      title: '三会一课提醒',
      body: '本季度党员大会未召开',
    });
    await worker().deliver(bob, { kind: 'TICKET_ASSIGNED', title: '别人的', body: '…' });

    expect(await inboxOf(alice).unreadCount()).toBe(2);
    const listed = await inboxOf(alice).inboxQuery(false).orderBy('notification.createdAt', 'DESC').getMany();
    expect(listed.map((n) => n.title)).toEqual(['三会一课提醒', '新工单']);

    expect(await inboxOf(bob).markRead([first.id])).toBe(0);
    expect(await inboxOf(alice).markRead([first.id, randomUUID()])).toBe(1);
    expect(await inboxOf(alice).unreadCount()).toBe(1);
    expect((await inboxOf(alice).inboxQuery(true).getMany()).map((n) => n.kind)).toEqual([
      'MEETING_REMINDER',
    ]);
    expect(await inboxOf(bob).markRead(undefined)).toBe(1);
    expect(await inboxOf(bob).unreadCount()).toBe(0);
  });

  it('refuses a malformed kind or an empty title', async () => {
    await expect(worker().deliver(alice, { kind: 'bad kind', title: '', body: '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'kind' },
    });
  });
});
