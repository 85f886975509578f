import { Redis, type RedisOptions } from 'ioredis';

/**
 * An ioredis connection for BullMQ. Workers need `maxRetriesPerRequest: null` (blocking commands
 * must wait out a Redis restart rather than fail); producers in request paths give up after a few retries.
 */
export function createRedisConnection(url: string, role: 'worker' | 'producer', options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    ...options,
  });
}
