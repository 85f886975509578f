import { ConfigError } from '@gridgov/platform-config';
import { demoDataOn, loadReminderWorkerConfig } from './reminder-worker.config';

const base = {
  DATABASE_URL: 'postgres://localhost/gridgov',
  REDIS_URL: 'redis://localhost:6379',
  ACCESS_TOKEN_SECRET: 'secret',
};

// One process per queue: `--queues`/`--concurrency` override the environment; unknown queues or flags stop start-up.
describe('reminder-worker configuration', () => {
  it('runs both queues by default and one queue with --queues', () => {
    expect(loadReminderWorkerConfig(base).QUEUES).toEqual(['notifications', 'reminders']);
    const one = loadReminderWorkerConfig({ ...base, CONCURRENCY: '2' }, ['--queues', 'notifications', '--concurrency=16']);
    expect([one.QUEUES, one.CONCURRENCY]).toEqual([['notifications'], 16]);
  });

  it('refuses an unknown queue or option', () => {
    expect(() => loadReminderWorkerConfig(base, ['--queues', 'ticket-timers'])).toThrow(/QUEUES="ticket-timers" must list some of notifications, reminders/);
    expect(() => loadReminderWorkerConfig(base, ['--replicas', '3'])).toThrow(ConfigError);
  });

  it('seeds the demo in development unless DEMO_DATA says otherwise, and refuses a DEMO_DATA that is no boolean', () => {
    expect(demoDataOn(loadReminderWorkerConfig({ ...base, NODE_ENV: 'development' }))).toBe(true);
    expect(demoDataOn(loadReminderWorkerConfig({ ...base, NODE_ENV: 'development', DEMO_DATA: 'False' }))).toBe(false);
    expect(demoDataOn(loadReminderWorkerConfig({ ...base, NODE_ENV: 'production', DEMO_DATA: 'yes' }))).toBe(true);
    expect(() => loadReminderWorkerConfig({ ...base, DEMO_DATA: 'ture' })).toThrow(/DEMO_DATA="ture" is not a boolean/);
  });
});
