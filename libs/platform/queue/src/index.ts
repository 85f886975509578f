export { QueueName } from './queue-name';
export { createRedisConnection, RedisConnections } from './redis-connection';
export {
  enqueueNotification,
  enqueueNotifications,
  KEEP_FINISHED,
  NOTIFY_JOB,
  NotificationChannel,
  type NotificationJob,
  type NotificationRecipients,
} from './notification-job';
export { type HandlerOf, type HandlerTable, type JobHandler, jobHandlerTable, type JobNames } from './job-handler';
export { type JobObserver, type RunningJobWorker, startJobWorker, type JobWorkerOptions } from './job-worker';
export { createWorkerMetrics, type WorkerMetrics } from './worker-metrics';
export { loadWorkerConfig, workerProcessEnv } from './worker-cli';
export {
  type RunningWorkerProcess,
  startWorkerProcess,
  type WorkerProcessConfig,
  type WorkerProcessContext,
  type WorkerProcessParts,
} from './start-worker-process';
export { type DeadLetter, DeadLetterQueue } from './dead-letter';
export { createSmsSender, FileSmsSink, type SmsMessage, type SmsSender } from './channels/sms-sender';
export {
  postSignedWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  webhookSignature,
} from './channels/signed-webhook';
export {
  STRICT_WEBHOOK_TARGETS,
  type WebhookTargetPolicy,
  webhookTargetEnv,
  webhookTargetPolicy,
  WebhookTargetRefused,
  webhookUrlProblem,
} from './channels/webhook-target';
export { eventually } from './eventually';
