import 'reflect-metadata';
import { runService } from '@gridgov/platform-observability';
import { createTicketWorker } from './create-ticket-worker';
import { loadTicketWorkerConfig } from './ticket-worker.config';

// node main.js [--queues ticket-outbox,ticket-timers] [--concurrency 8]
runService('ticket-worker', async () => createTicketWorker(loadTicketWorkerConfig(process.env, process.argv.slice(2))));
