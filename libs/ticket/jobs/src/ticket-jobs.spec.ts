import { QueueName } from '@gridgov/platform-queue';
import { type TicketJobHandler, TicketJobName } from './ticket-job';
import { handlerRegistry, ticketProcessor } from './ticket-jobs';

const handler = (name: TicketJobName, result = name): TicketJobHandler => ({ name, process: async () => result });
const all = () => Object.values(TicketJobName).map((name) => handler(name));

describe('ticket job registry', () => {
  it('refuses to start with a job that has no handler', () => {
    expect(() => handlerRegistry(all().filter((h) => h.name !== TicketJobName.COLOR_TIMER))).toThrow(
      'no handler for job color-timer',
    );
  });

  it('refuses to start with two handlers for one job', () => {
    expect(() => handlerRegistry([...all(), handler(TicketJobName.RATING_TIMER)])).toThrow(
      'two handlers for job rating-timer',
    );
  });

  it('dispatches by job name and refuses a job on the wrong queue', async () => {
    const registry = handlerRegistry(all());
    const timers = ticketProcessor(registry, QueueName.TICKET_TIMERS);
    await expect(timers({ name: TicketJobName.COLOR_TIMER, data: {} } as never)).resolves.toBe('color-timer');
    await expect(timers({ name: TicketJobName.OUTBOX_RELAY, data: {} } as never)).rejects.toThrow(
      'does not belong on queue ticket-timers',
    );
  });
});
