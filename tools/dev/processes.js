// Child-process helpers for start.js: coloured, name-prefixed output and a bounded stop.
const readline = require('node:readline');
const { spawn } = require('node:child_process');

const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code, text) => (useColour ? `\x1b[${code}m${text}\x1b[0m` : text);
const red = (text) => paint('1;31', text);
const green = (text) => paint(32, text);
const bold = (text) => paint(1, text);

const PALETTE = [36, 33, 35, 32, 34, 96, 93, 95];

// "[org-service]  " padded to the longest name (padding before colouring keeps columns aligned).
function makePrefix(name, index, width) {
  const colour = index < 0 ? 90 : PALETTE[index % PALETTE.length]; // grey for postgres/redis
  return paint(colour, `[${name}]`.padEnd(width + 2));
}

// Spawns in its own process group (detached), so the terminal's Ctrl-C does not reach it and
// start.js alone decides when and how it stops. Keeps the last lines for error reports.
function spawnPrefixed(prefix, command, args, options) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent = [];
  const onLine = (line) => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
    process.stdout.write(`${prefix} ${line}\n`);
  };
  readline.createInterface({ input: child.stdout }).on('line', onLine);
  readline.createInterface({ input: child.stderr }).on('line', onLine);
  return { child, recent };
}

const isRunning = (child) => Boolean(child.pid) && child.exitCode === null && child.signalCode === null;

// Signals the child's whole group when it leads one (detached), else just the child.
function signal(child, name) {
  try {
    process.kill(-child.pid, name);
  } catch {
    try {
      child.kill(name);
    } catch {
      /* already gone */
    }
  }
}

// SIGTERM, then SIGKILL if it is still there after graceMs. Resolves true if it had to kill.
async function stopProcess(child, graceMs = 10_000) {
  if (!isRunning(child)) return false;
  let killed = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => {
    killed = true;
    signal(child, 'SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  return killed;
}

module.exports = { red, green, bold, makePrefix, spawnPrefixed, isRunning, signal, stopProcess };
