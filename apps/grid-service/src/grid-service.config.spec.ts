import { randomBytes } from 'node:crypto';
import { ConfigError } from '@gridgov/platform-config';
import { loadGridServiceConfig } from './grid-service.config';

const base = {
  DATABASE_URL: 'postgres://localhost/gridgov',
  GATEWAY_PUBLIC_KEY: 'pem',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('grid-service config: personal-data keys', () => {
  it('uses development keys outside production and the given ones when set', () => {
    expect(loadGridServiceConfig({ ...base, NODE_ENV: 'development' }).PERSONAL_DATA_KEY).toHaveLength(32);
    const key = randomBytes(32);
    const config = loadGridServiceConfig({
      ...base,
      NODE_ENV: 'production',
      PERSONAL_DATA_KEY: key.toString('base64'),
      PERSONAL_DATA_HASH_KEY: key.toString('base64'),
    });
    expect(config.PERSONAL_DATA_KEY.equals(key)).toBe(true);
  });

  it('refuses to start in production without keys, or with a key of the wrong size', () => {
    expect(() => loadGridServiceConfig({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadGridServiceConfig({ ...base, PERSONAL_DATA_KEY: randomBytes(16).toString('base64') }),
    ).toThrow('PERSONAL_DATA_KEY must be 32 bytes');
  });
});
