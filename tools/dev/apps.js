// The one list of runnable apps, in start order within each kind. Add new apps here.
// kind decides the start phase and the env they get: subgraphs first (in parallel), then the
// gateway (it composes the subgraphs at start-up), then workers.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

const APPS = [
  { name: 'org-service', kind: 'subgraph', port: 4001 },
  { name: 'grid-service', kind: 'subgraph', port: 4002 },
  { name: 'ticket-service', kind: 'subgraph', port: 4003 },
  { name: 'assessment-service', kind: 'subgraph', port: 4004 },
  { name: 'gateway', kind: 'gateway', port: 4000 },
  { name: 'ticket-worker', kind: 'worker', port: 4010 }, // port = health/metrics only
  { name: 'reminder-worker', kind: 'worker', port: 4011 },
];

// Apps are being written concurrently: only those with a project.json take part.
function availableApps() {
  return APPS.filter((app) => fs.existsSync(path.join(ROOT, 'apps', app.name, 'project.json')));
}

// Where @nx/js:tsc puts the entry point (it keeps the workspace layout under dist/apps/<app>/).
function mainFile(app) {
  return path.join(ROOT, 'dist/apps', app.name, 'apps', app.name, 'src/main.js');
}

// The environment contract: what each kind of app reads. Values the developer exported win for
// the tuning knobs; connection URLs and secrets come from start.js.
function appEnv(app, { databaseUrl, redisUrl, secrets }) {
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    PORT: String(app.port),
  };
  const { GATEWAY_PUBLIC_KEY, GATEWAY_PRIVATE_KEY, ACCESS_TOKEN_SECRET, ADMIN_USERNAME, ADMIN_PASSWORD } =
    secrets;
  if (app.kind === 'subgraph') {
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || '10',
      GATEWAY_PUBLIC_KEY,
      DEMO_DATA: process.env.DEMO_DATA || 'true',
    });
  }
  if (app.name === 'org-service') Object.assign(env, { ACCESS_TOKEN_SECRET, ADMIN_USERNAME, ADMIN_PASSWORD });
  // assessment-service reads facts from the other subgraphs through the gateway as a service account.
  if (app.name === 'assessment-service')
    Object.assign(env, { ACCESS_TOKEN_SECRET, REDIS_URL: redisUrl, GATEWAY_URL: 'http://127.0.0.1:4000/graphql' });
  // grid-service runs the resident-import worker (queue in Redis, files in PostgreSQL).
  if (app.name === 'grid-service')
    Object.assign(env, {
      PERSONAL_DATA_KEY: secrets.PERSONAL_DATA_KEY,
      PERSONAL_DATA_HASH_KEY: secrets.PERSONAL_DATA_HASH_KEY,
      REDIS_URL: redisUrl,
    });
  if (app.kind === 'gateway') Object.assign(env, { GATEWAY_PRIVATE_KEY, ACCESS_TOKEN_SECRET });
  if (app.kind === 'worker')
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      GATEWAY_PUBLIC_KEY,
      // reminder-worker's Bull Board accepts operators' login tokens.
      ACCESS_TOKEN_SECRET,
    });
  return env;
}

module.exports = { ROOT, APPS, availableApps, mainFile, appEnv };
