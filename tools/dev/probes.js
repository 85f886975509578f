// Small, bounded checks used to find running servers and to wait for ours. Every probe has a
// short timeout and never throws: "not there" is an ordinary answer.
const net = require('node:net');
const { Client } = require('pg');
const Redis = require('ioredis');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function canConnectPostgres(url, timeoutMs = 1000) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

async function canPingRedis(url, timeoutMs = 1000) {
  // No retries and no offline queue: we want a yes/no now, not a client that keeps trying.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

// A port we cannot bind on 127.0.0.1 is taken (also when the holder listens on 0.0.0.0).
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function isHttpOk(url, timeoutMs = 1000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

module.exports = { sleep, canConnectPostgres, canPingRedis, isPortFree, isHttpOk };
