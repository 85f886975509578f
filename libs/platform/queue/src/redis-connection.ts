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

/** The Redis connections of one process, made on demand and closed together (BullMQ leaves connections it was given open). */
export class RedisConnections {
  private readonly made: Redis[] = [];

  constructor(private readonly url: string) {}

  get(role: 'worker' | 'producer'): Redis {
    const connection = createRedisConnection(this.url, role);
    this.made.push(connection);
    return connection;
  }

  disconnectAll(): void {
    for (const connection of this.made) connection.disconnect();
  }
}
