import { ConfigError } from './config-error';
import { env } from './env-spec';
import { loadConfig } from './load-config';

const spec = {
  PORT: env.int('HTTP port', 4000, { min: 0, max: 65535 }),
  DATABASE_URL: env.url('PostgreSQL URL', undefined, ['postgres:']),
  DEMO_DATA: env.bool('load demo data', false),
};

describe('loadConfig', () => {
  it('applies defaults and parses values', () => {
    expect(loadConfig(spec, { DATABASE_URL: 'postgres://localhost/db', DEMO_DATA: 'true' })).toEqual({
      PORT: 4000,
      DATABASE_URL: 'postgres://localhost/db',
      DEMO_DATA: true,
    });
  });

  it('names every missing or malformed variable in one error', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(spec, { PORT: '70000', DEMO_DATA: 'maybe' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      'PORT="70000" must be <= 65535 (HTTP port)',
      'DATABASE_URL is required (PostgreSQL URL)',
      'DEMO_DATA="maybe" is not a boolean (true/false) (load demo data)',
    ]);
  });
});
