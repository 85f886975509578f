// Development secrets, created once in .data/secrets.json (gitignored) and reused, so tokens,
// the gateway's signing key and the admin password survive restarts. Any of them can be
// overridden by an environment variable of the same name.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./apps');

const FILE = path.join(ROOT, '.data/secrets.json');
const NAMES = [
  'GATEWAY_PRIVATE_KEY',
  'GATEWAY_PUBLIC_KEY',
  'ACCESS_TOKEN_SECRET',
  'ADMIN_PASSWORD',
  'PERSONAL_DATA_KEY',
  'PERSONAL_DATA_HASH_KEY',
];

function generate() {
  // ES256: the gateway signs forwarded identity with the private key, subgraphs verify with the public one.
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    GATEWAY_PRIVATE_KEY: privateKey,
    GATEWAY_PUBLIC_KEY: publicKey,
    ACCESS_TOKEN_SECRET: crypto.randomBytes(32).toString('base64url'),
    ADMIN_PASSWORD: randomPassword(16),
    // grid-service: AES-256-GCM key for ID numbers, and the HMAC key of their lookup hash.
    PERSONAL_DATA_KEY: crypto.randomBytes(32).toString('base64'),
    PERSONAL_DATA_HASH_KEY: crypto.randomBytes(32).toString('base64'),
  };
}

// Unambiguous letters and digits (no 0/O, 1/l/I), always at least one of each class so any
// reasonable password policy in org-service accepts it.
function randomPassword(length) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  for (;;) {
    const password = Array.from({ length }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
    if (/[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password)) return password;
  }
}

function readFile() {
  try {
    return JSON.parse(fs.readFileSync(FILE, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return {};
    throw new Error(`${path.relative(ROOT, FILE)} is unreadable (${error.message}); delete it to regenerate`);
  }
}

/** Returns every name in NAMES plus ADMIN_USERNAME. */
function loadSecrets() {
  let stored = readFile();
  if (NAMES.some((name) => !stored[name])) {
    const fresh = generate();
    const hasKeyPair = Boolean(stored.GATEWAY_PRIVATE_KEY && stored.GATEWAY_PUBLIC_KEY);
    stored = { ...fresh, ...stored };
    // Keep the key pair together: never mix a stored private key with a fresh public key.
    if (!hasKeyPair)
      Object.assign(stored, {
        GATEWAY_PRIVATE_KEY: fresh.GATEWAY_PRIVATE_KEY,
        GATEWAY_PUBLIC_KEY: fresh.GATEWAY_PUBLIC_KEY,
      });
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    fs.writeFileSync(`${FILE}.tmp`, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(`${FILE}.tmp`, FILE); // atomic: a crash never leaves a half-written file
  }
  const env = process.env;
  const secrets = { ...stored, ADMIN_USERNAME: 'admin' };
  for (const name of [...NAMES, 'ADMIN_USERNAME']) if (env[name]) secrets[name] = env[name];
  // A private key from the environment brings its own public key, unless that is given too.
  if (env.GATEWAY_PRIVATE_KEY && !env.GATEWAY_PUBLIC_KEY) {
    secrets.GATEWAY_PUBLIC_KEY = crypto
      .createPublicKey(env.GATEWAY_PRIVATE_KEY)
      .export({ type: 'spki', format: 'pem' });
  }
  return secrets;
}

module.exports = { loadSecrets };
