export { QueueName } from './queue-name';
export { createRedisConnection } from './redis-connection';
export { NotificationChannel, type NotificationJob, type NotificationRecipients } from './notification-job';
