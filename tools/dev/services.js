// Finds or starts the PostgreSQL and Redis that `npm start` and `npm test` need.
//
//   ensurePostgres({ purpose: 'start' | 'test' }) -> URL of the gridgov / gridgov_test database
//   ensureRedis({ purpose })                      -> Redis URL
//   stopServices()                                -> stops what this process started
//
// Order of preference: an explicit URL in the environment; for tests only, a server already
// running on the standard local port (skipped when GRIDGOV_FORCE_EMBEDDED=1, which lets a
// developer or CI prove the clean-machine path); otherwise a private server under .data/, run
// by service-keeper.js in its own process group (see that file for why).
//
// Run it directly to check the machine: node tools/dev/services.js [start|test]
const fs = require('node:fs');
const path = require('node:path');
const { fork, spawnSync } = require('node:child_process');
const { Client } = require('pg');
const { ROOT } = require('./apps');
const { canConnectPostgres, canPingRedis, isPortFree } = require('./probes');

const DATA = path.join(ROOT, '.data');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

// Private servers: separate ports and data dirs so `npm test` never touches `npm start` data.
const PURPOSES = {
  start: {
    database: 'gridgov',
    pgPort: 54329,
    pgDir: 'pg',
    redisPort: 6380,
    redisDir: 'redis',
    durable: true,
  },
  test: {
    database: 'gridgov_test',
    pgPort: 54330,
    pgDir: 'pg-test',
    redisPort: 6381,
    redisDir: 'redis-test',
    durable: false,
  },
};

const started = []; // keepers we forked, in start order
let onServiceDied = (name, code, logFile) =>
  console.error(`\n!!! ${name} stopped unexpectedly (exit code ${code}); see ${logFile} !!!\n`);

const defaultLog = (name, message) => console.log(`[${name}] ${message}`);
const forceEmbedded = () => process.env.GRIDGOV_FORCE_EMBEDDED === '1';
const relative = (file) => path.relative(ROOT, file) || '.';

async function ensurePostgres({ purpose = 'start', log = defaultLog } = {}) {
  const config = PURPOSES[purpose];
  const envName = purpose === 'test' && process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'DATABASE_URL';
  if (process.env[envName]) {
    log('postgres', `using ${envName}`);
    return process.env[envName];
  }
  let serverUrl;
  if (purpose === 'test' && !forceEmbedded() && (await canConnectPostgres(LOCAL_POSTGRES, 1000))) {
    log('postgres', 'found PostgreSQL on 127.0.0.1:5432');
    serverUrl = LOCAL_POSTGRES;
  } else {
    const dataDir = path.join(DATA, config.pgDir);
    const since = Date.now();
    const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    log(
      'postgres',
      `${fresh ? 'initialising and ' : ''}starting embedded PostgreSQL (${relative(dataDir)}) …`,
    );
    await startKeeper(`postgres${purpose === 'test' ? '-test' : ''}`, {
      kind: 'postgres',
      port: config.pgPort,
      dataDir,
      durable: config.durable,
    });
    log('postgres', `embedded PostgreSQL on 127.0.0.1:${config.pgPort} ready in ${seconds(since)}`);
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${config.pgPort}/postgres`;
  }
  await createDatabaseIfMissing(serverUrl, config.database);
  const url = new URL(serverUrl);
  url.pathname = `/${config.database}`;
  return url.toString();
}

async function ensureRedis({ purpose = 'start', log = defaultLog } = {}) {
  const config = PURPOSES[purpose];
  const envName = purpose === 'test' && process.env.TEST_REDIS_URL ? 'TEST_REDIS_URL' : 'REDIS_URL';
  if (process.env[envName]) {
    log('redis', `using ${envName}`);
    return process.env[envName];
  }
  if (purpose === 'test' && !forceEmbedded() && (await canPingRedis(LOCAL_REDIS, 1000))) {
    log('redis', 'found Redis on 127.0.0.1:6379');
    return LOCAL_REDIS;
  }
  if (spawnSync('redis-server', ['--version']).error) throw new Error(missingRedis(purpose));
  const dataDir = path.join(DATA, config.redisDir);
  const since = Date.now();
  await startKeeper(`redis${purpose === 'test' ? '-test' : ''}`, {
    kind: 'redis',
    port: config.redisPort,
    dataDir,
    durable: config.durable,
  });
  log(
    'redis',
    `redis-server on 127.0.0.1:${config.redisPort} (${relative(dataDir)}) ready in ${seconds(since)}`,
  );
  return `redis://127.0.0.1:${config.redisPort}`;
}

const missingRedis = (purpose) => `redis-server was not found on PATH and REDIS_URL is not set.
  Install it:      sudo apt-get install -y redis-server     (Debian/Ubuntu)
                   brew install redis                       (macOS)
  or use a Redis you already run:  REDIS_URL=redis://host:6379 npm ${purpose}`;

// Forks service-keeper.js and resolves once its server is ready; rejects with the log tail.
async function startKeeper(name, options) {
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `port ${options.port} (for ${name}) is already in use, probably by a server left over from an earlier ` +
        `run. See who holds it: ss -ltnp 'sport = :${options.port}'`,
    );
  }
  const logFile = path.join(DATA, 'logs', `${name}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = fork(path.join(__dirname, 'service-keeper.js'), [JSON.stringify(options)], {
    cwd: ROOT,
    detached: true, // own process group: the terminal's Ctrl-C must not reach it
    stdio: ['ignore', out, out, 'ipc'],
  });
  fs.closeSync(out);

  await new Promise((resolve, reject) => {
    const fail = (reason) => {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      reject(
        new Error(
          `${name} failed to start: ${reason}\n--- last lines of ${relative(logFile)} ---\n${tail(logFile)}`,
        ),
      );
    };
    const timer = setTimeout(() => fail('not ready within 90 s'), 90_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      if (message.ready) resolve();
      else fail(message.error);
    });
    child.once('exit', (code) => fail(`exited with code ${code}`));
  });

  // Do not keep this process alive just for the keeper: when we exit, the 'exit' hook below
  // (and the closed IPC channel) tell it to stop its server.
  child.unref();
  child.channel.unref();
  const entry = { name, child, stopping: false };
  started.push(entry);
  child.once('exit', (code) => {
    if (!entry.stopping) onServiceDied(name, code, relative(logFile));
  });
}

async function createDatabaseIfMissing(serverUrl, database) {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    if (error.code !== '42P04') throw error; // created concurrently by someone else: fine
  } finally {
    await client.end();
  }
}

// Stops the servers we started, newest first; SIGKILLs a keeper's whole group after 15 s.
async function stopServices() {
  for (const entry of started.splice(0).reverse()) {
    entry.stopping = true;
    const { child } = entry;
    if (child.exitCode !== null || child.signalCode) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

// Last resort when we exit without stopServices(): the keepers stop their servers on SIGTERM.
process.on('exit', () => {
  for (const { child } of started) if (child.exitCode === null) child.kill('SIGTERM');
});

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // detached => the keeper leads its group, the server is in it
  } catch {
    /* already gone */
  }
}

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

module.exports = {
  ensurePostgres,
  ensureRedis,
  stopServices,
  setOnServiceDied: (callback) => (onServiceDied = callback),
};

// Self-check: start (or find) both, run a query and a PING, stop what was started.
if (require.main === module) {
  const purpose = process.argv[2] || 'start';
  (async () => {
    const databaseUrl = await ensurePostgres({ purpose });
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS db, version() AS version');
    await client.end();
    console.log(`postgres OK: ${rows[0].db} — ${rows[0].version}`);
    const redisUrl = await ensureRedis({ purpose });
    console.log(`redis OK: ${redisUrl} answers PING: ${await canPingRedis(redisUrl)}`);
    await stopServices();
    console.log('stopped what was started');
  })().catch(async (error) => {
    console.error(error.message);
    await stopServices();
    process.exit(1);
  });
}
