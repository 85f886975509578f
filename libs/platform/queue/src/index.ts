export { QueueName } from './queue-name';
export { createRedisConnection } from './redis-connection';
export {
  enqueueNotification,
  KEEP_FINISHED,
  NOTIFY_JOB,
  NotificationChannel,
  type NotificationJob,
  type NotificationRecipients,
} from './notification-job';
export { type HandlerOf, type HandlerTable, type JobHandler, jobHandlerTable, type JobNames } from './job-handler';
export { type JobObserver, startJobWorker, type JobWorkerOptions } from './job-worker';
export { type DeadLetter, DeadLetterQueue, sendToDeadLetter } from './dead-letter';
export { createSmsSender, FileSmsSink, HttpSmsSender, type SmsMessage, type SmsSender } from './channels/sms-sender';
export {
  postSignedWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  webhookSignature,
} from './channels/signed-webhook';
export { eventually } from './eventually';
