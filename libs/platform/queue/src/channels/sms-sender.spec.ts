import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSmsSender, FileSmsSink, HttpSmsSender } from './sms-sender';

// The provider adapter posts one JSON message with its bearer token and fails on a non-2xx answer;
// without a provider URL messages go to the file sink, one line each.
describe('SMS senders', () => {
  let server: Server;
  let url: string;
  const received: { authorization?: string; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        received.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
        res.statusCode = req.url === '/full' ? 429 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts to the provider and fails on a refusal', async () => {
    const message = { phone: '13900000001', text: '停水通知', reference: 'b.1' };
    await new HttpSmsSender(`${url}/send`, 'provider-token').send(message);
    expect(received).toEqual([{ authorization: 'Bearer provider-token', body: message }]);
    await expect(new HttpSmsSender(`${url}/full`, undefined).send(message)).rejects.toThrow('SMS provider answered 429');
    expect(createSmsSender({ url: `${url}/send`, sinkFile: 'unused' })).toBeInstanceOf(HttpSmsSender);
  });

  it('writes one line per message to the sink', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gridgov-sms-sink-'));
    try {
      const sink = createSmsSender({ sinkFile: join(dir, 'sub', 'sms.log') });
      expect(sink).toBeInstanceOf(FileSmsSink);
      await sink.send({ phone: '1', text: 'a\nb', reference: 'r1' });
      await sink.send({ phone: '2', text: 'c', reference: 'r2' });
      const lines = (await readFile(join(dir, 'sub', 'sms.log'), 'utf8')).trim().split('\n').map((l) => l.split('\t').slice(1));
      expect(lines).toEqual([
        ['r1', '1', 'a b'],
        ['r2', '2', 'c'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
