export { QueueName } from './queue-name';
export { createRedisConnection } from './redis-connection';
