// `npm start` — the whole graph on one machine:
//   PostgreSQL/Redis (found or started) → dev secrets → build → subgraphs in parallel, each until
//   GET /readyz answers 200 → gateway → workers → banner.
// Ctrl-C (or SIGTERM) stops the apps (SIGTERM, SIGKILL after 10 s), then the servers we started.
// If any app or server dies on its own, everything stops and the exit code is non-zero.
// Flags: --no-build  run what is already in dist/.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ROOT, availableApps, mainFile, appEnv } = require('./apps');
const { ensurePostgres, ensureRedis, stopServices, setOnServiceDied } = require('./services');
const { loadSecrets } = require('./secrets');
const { sleep, isHttpOk, isPortFree } = require('./probes');
const { red, green, bold, makePrefix, spawnPrefixed, isRunning, stopProcess } = require('./processes');

const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
const PHASES = ['subgraph', 'gateway', 'worker'];

const apps = availableApps();
const width = Math.max('postgres'.length, ...apps.map((app) => app.name.length));
const running = []; // { name, child, recent } for the build and every app
let shuttingDown = false;

const log = (name, message) => console.log(`${makePrefix(name, -1, width)} ${message}`);

async function main() {
  if (apps.length === 0) throw new Error('no apps to start (none of apps/<name>/project.json exists yet)');
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(name, onSignal);
  setOnServiceDied((name, code, logFile) =>
    fail(`${name} stopped unexpectedly (exit code ${code}); see ${logFile}`),
  );

  const databaseUrl = await ensurePostgres({ purpose: 'start', log });
  const redisUrl = await ensureRedis({ purpose: 'start', log });
  const secrets = loadSecrets();

  if (!process.argv.includes('--no-build')) await build();
  await checkStartable();

  for (const kind of PHASES) {
    const phase = apps.filter((app) => app.kind === kind);
    await Promise.all(phase.map((app) => launch(app, appEnv(app, { databaseUrl, redisUrl, secrets }))));
  }
  printBanner({ secrets, databaseUrl, redisUrl });
}

async function build() {
  const names = apps.map((app) => app.name).join(',');
  log('build', `npx nx run-many -t build -p ${names}`);
  // NX_TUI=false: plain log output; the full-screen UI would fight with our prefixed output.
  const child = spawn('npx', ['nx', 'run-many', '-t', 'build', '-p', names], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_TUI: 'false' },
  });
  running.push({ name: 'build', child, recent: [] });
  const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`build failed (exit code ${code}); see the Nx output above`);
}

// Fail before starting anything if an app's build output is missing or its port is taken.
async function checkStartable() {
  for (const app of apps) {
    if (!fs.existsSync(mainFile(app))) {
      throw new Error(
        `${app.name}: ${path.relative(ROOT, mainFile(app))} does not exist; run without --no-build`,
      );
    }
    if (!(await isPortFree(app.port))) {
      throw new Error(
        `${app.name}: port ${app.port} is already in use (see who: ss -ltnp 'sport = :${app.port}')`,
      );
    }
  }
}

async function launch(app, env) {
  const prefix = makePrefix(app.name, apps.indexOf(app), width);
  const entry = path.relative(ROOT, mainFile(app));
  const proc = spawnPrefixed(prefix, process.execPath, ['-r', './tools/runtime/register-paths.js', entry], {
    cwd: ROOT,
    env,
  });
  running.push({ name: app.name, ...proc });
  proc.child.once('exit', (code, sig) =>
    fail(`${app.name} exited unexpectedly (${sig ?? `exit code ${code}`})`, { name: app.name, ...proc }),
  );

  const url = `http://127.0.0.1:${app.port}/readyz`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await isHttpOk(url))) {
    if (!isRunning(proc.child) || shuttingDown) return; // the exit handler reports it
    if (Date.now() > deadline) {
      return fail(`${app.name} did not become ready within ${READY_TIMEOUT_MS / 1000} s (${url})`, {
        name: app.name,
        ...proc,
      });
    }
    await sleep(250);
  }
  log(app.name, green(`ready on http://localhost:${app.port}`));
}

// Report loudly (with the app's last lines, which may be interleaved with others' above), stop all.
function fail(message, proc) {
  if (shuttingDown) return;
  console.error(`\n${red(`✖ ${message}`)}`);
  if (proc?.recent.length) {
    console.error(red(`── last lines of ${proc.name} ──`));
    for (const line of proc.recent.slice(-20)) console.error(`  ${line}`);
  }
  console.error(red('Stopping everything.\n'));
  shutdown(1);
}

// Only the first signal counts: `npm start` forwards the terminal's SIGINT, so we get it twice.
// Stopping is bounded anyway (10 s per app, then the servers).
function onSignal(name) {
  if (shuttingDown) return;
  log('start', `${name} received, stopping…`);
  shutdown(0);
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.all(
    running.map(async ({ name, child }) => {
      if (await stopProcess(child, STOP_GRACE_MS))
        log(name, red(`did not stop within ${STOP_GRACE_MS / 1000} s: killed`));
    }),
  );
  await stopServices();
  process.exit(code);
}

function printBanner({ secrets, databaseUrl, redisUrl }) {
  const gateway = apps.find((app) => app.kind === 'gateway');
  const user = secrets.ADMIN_USERNAME;
  const lines = [
    bold('GridGov is running'),
    gateway
      ? `  GraphQL      ${bold(`http://localhost:${gateway.port}/graphql`)}`
      : '  GraphQL      (no gateway app yet)',
    `  Apps         ${apps.map((app) => `${app.name} :${app.port}`).join(', ')}`,
    `  Admin        ${user} / ${secrets.ADMIN_PASSWORD}   (kept in .data/secrets.json)`,
    `  PostgreSQL   ${redact(databaseUrl)}`,
    `  Redis        ${redact(redisUrl)}`,
    '',
    '  Log in:',
    `    mutation { login(username: ${JSON.stringify(user)}, password: ${JSON.stringify(secrets.ADMIN_PASSWORD)}) { token } }`,
    '  Then, with the header  Authorization: Bearer <token>',
    '    { adminUnits(first: 5) { edges { node { code name } } } }',
    '  More first queries and the demo accounts: README.md, "First queries".',
    '',
    '  Ctrl-C stops everything.',
  ];
  const rule = '─'.repeat(72);
  console.log(['', rule, ...lines, rule, ''].join('\n'));
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password && parsed.password !== 'postgres') parsed.password = '***';
  return parsed.toString();
}

main().catch((error) => fail(error.message));
