import 'reflect-metadata';
import { runService } from '@gridgov/platform-observability';
import { createReminderWorker } from './create-reminder-worker';
import { loadReminderWorkerConfig } from './reminder-worker.config';

// node main.js [--queues notifications,reminders] [--concurrency 8]
runService('reminder-worker', async () => createReminderWorker(loadReminderWorkerConfig(process.env, process.argv.slice(2))));
