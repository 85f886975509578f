// `npm test` — jest with a real PostgreSQL and Redis.
// Finds or starts them for the `test` purpose (see services.js), exports TEST_DATABASE_URL and
// TEST_REDIS_URL, runs `npx jest <your args>` from the repo root (--maxWorkers=2 unless you chose
// a worker setting), stops what it started and exits with jest's exit code.
//   npm test -- apps/org-service/src/foo.spec.ts
const { spawn } = require('node:child_process');
const { ROOT } = require('./apps');
const { ensurePostgres, ensureRedis, stopServices } = require('./services');

const WORKER_FLAGS = /^(-w|-i|--maxWorkers|--max-workers|--runInBand|--run-in-band)(=.*)?$/;

async function main() {
  const args = process.argv.slice(2);
  let jest;
  // A Ctrl-C reaches jest directly (same process group); forward signals sent only to us.
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(name, async () => {
      if (jest) return jest.kill(name);
      await stopServices();
      process.exit(130);
    });
  }

  const databaseUrl = await ensurePostgres({ purpose: 'test' });
  const redisUrl = await ensureRedis({ purpose: 'test' });

  const jestArgs = args.some((arg) => WORKER_FLAGS.test(arg)) ? args : ['--maxWorkers=2', ...args];
  jest = spawn('npx', ['jest', ...jestArgs], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl },
  });
  const code = await new Promise((resolve) =>
    jest.once('exit', (exitCode, sig) => resolve(exitCode ?? (sig ? 1 : 0))),
  );
  await stopServices();
  process.exit(code);
}

main().catch(async (error) => {
  console.error(`\n✖ npm test: ${error.message}`);
  await stopServices();
  process.exit(1);
});
