import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import { postSignedWebhook } from './signed-webhook';
import {
  STRICT_WEBHOOK_TARGETS,
  type WebhookTargetPolicy,
  webhookTargetPolicy,
  WebhookTargetRefused,
  webhookUrlProblem,
} from './webhook-target';

const development = webhookTargetPolicy({ NODE_ENV: 'development', WEBHOOK_ALLOW_PRIVATE_HOSTS: false, WEBHOOK_ALLOWED_HOSTS: '' });

// Webhook URLs come from users: registration refuses what it can see without DNS (scheme, credentials,
// non-public IP literals, localhost), and every delivery resolves the host and refuses non-public
// addresses, follows no redirect, and fails such deliveries for good.
describe('webhook targets', () => {
  it.each([
    ['https://cg.example.gov.cn/hook', null],
    ['http://cg.example.gov.cn/hook', 'must use https'],
    ['ftp://cg.example.gov.cn/hook', 'must use https'],
    ['not a url', 'not a valid URL'],
    ['https://user:pw@cg.example.gov.cn/hook', 'must not contain a user name or password'],
    ['https://127.0.0.1/hook', '127.0.0.1 is a private, loopback, link-local or multicast address'],
    ['https://2130706433/hook', '127.0.0.1 is a private, loopback, link-local or multicast address'],
    ['https://10.1.2.3/hook', '10.1.2.3 is a private, loopback, link-local or multicast address'],
    ['https://172.20.0.1/hook', '172.20.0.1 is a private, loopback, link-local or multicast address'],
    ['https://192.168.1.1/hook', '192.168.1.1 is a private, loopback, link-local or multicast address'],
    ['https://169.254.169.254/latest', '169.254.169.254 is a private, loopback, link-local or multicast address'],
    ['https://0.0.0.0/hook', '0.0.0.0 is a private, loopback, link-local or multicast address'],
    ['https://224.0.0.1/hook', '224.0.0.1 is a private, loopback, link-local or multicast address'],
    ['https://[::1]/hook', '::1 is a private, loopback, link-local or multicast address'],
    ['https://[fe80::1]/hook', 'fe80::1 is a private, loopback, link-local or multicast address'],
    ['https://[fd00::5]/hook', 'fd00::5 is a private, loopback, link-local or multicast address'],
    ['https://[ff02::1]/hook', 'ff02::1 is a private, loopback, link-local or multicast address'],
    ['https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 is a private, loopback, link-local or multicast address'],
    ['https://[::ffff:10.0.0.1]/hook', '::ffff:a00:1 is a private, loopback, link-local or multicast address'],
    // NAT64 and 6to4 reach the IPv4 address they embed: refused when it is non-public.
    ['https://[64:ff9b::127.0.0.1]/hook', '64:ff9b::7f00:1 is a private, loopback, link-local or multicast address'],
    ['https://[64:ff9b::a9fe:a9fe]/hook', '64:ff9b::a9fe:a9fe is a private, loopback, link-local or multicast address'],
    ['https://[64:ff9b::8.8.8.8]/hook', null],
    ['https://[64:ff9b:1::808:808]/hook', '64:ff9b:1::808:808 is a private, loopback, link-local or multicast address'],
    ['https://[2002:c0a8:101::1]/hook', '2002:c0a8:101::1 is a private, loopback, link-local or multicast address'],
    ['https://[2002:a00:1::]/hook', '2002:a00:1:: is a private, loopback, link-local or multicast address'],
    ['https://[2002:ac10::1]/hook', '2002:ac10::1 is a private, loopback, link-local or multicast address'],
    ['https://[2002:808:808::1]/hook', null],
    ['https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook', '2001:0:4136:e378:8000:63bf:80ff:fffe is a private, loopback, link-local or multicast address'],
    ['https://localhost/hook', 'localhost is a local host name: webhooks go to public hosts only'],
    ['https://api.localhost./hook', 'api.localhost is a local host name: webhooks go to public hosts only'],
    ['https://8.8.8.8/hook', null],
    ['https://[2001:db8::1]/hook', null],
  ])('strict policy: %s → %s', (url, problem) => {
    expect(webhookUrlProblem(url, STRICT_WEBHOOK_TARGETS)).toBe(problem);
  });

  it('allows http outside production only, private hosts only when asked and never in production', () => {
    expect(webhookUrlProblem('http://cg.example.gov.cn/hook', development)).toBeNull();
    expect(webhookUrlProblem('ftp://cg.example.gov.cn/hook', development)).toBe('must use http or https');
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', development)).toMatch(/loopback/);
    const local = webhookTargetPolicy({ NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_HOSTS: true, WEBHOOK_ALLOWED_HOSTS: '' });
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', local)).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hook', local)).toBeNull();
    expect(() =>
      webhookTargetPolicy({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_HOSTS: true, WEBHOOK_ALLOWED_HOSTS: '' }),
    ).toThrow('WEBHOOK_ALLOW_PRIVATE_HOSTS=true is refused with NODE_ENV=production');
    const intranet = webhookTargetPolicy({
      NODE_ENV: 'production',
      WEBHOOK_ALLOW_PRIVATE_HOSTS: false,
      WEBHOOK_ALLOWED_HOSTS: ' CG.intranet , 10.8.0.7',
    });
    expect(webhookUrlProblem('https://cg.intranet/hook', intranet)).toBeNull();
    expect(webhookUrlProblem('https://10.8.0.7/hook', intranet)).toBeNull();
    expect(webhookUrlProblem('https://10.8.0.8/hook', intranet)).toMatch(/private/);
    expect(webhookUrlProblem('http://10.8.0.7/hook', intranet)).toBe('must use https');
  });

  describe('delivery', () => {
    let server: Server;
    let port: number;
    const hits: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(req.url as string);
        req.resume();
        if (req.url === '/moved') {
          res.writeHead(302, { location: '/final' });
          return res.end();
        }
        res.statusCode = req.url === '/busy' ? 503 : 200;
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => (hits.length = 0));

    const post = (url: string, targets: WebhookTargetPolicy) =>
      postSignedWebhook(url, 'secret', { a: 1 }, { targets, timeoutMs: 2_000 });

    it('refuses, without connecting, a name that resolves to a loopback address, and a loopback literal', async () => {
      const refused = post(`http://localhost:${port}/hook`, development);
      await expect(refused).rejects.toBeInstanceOf(WebhookTargetRefused);
      await expect(refused).rejects.toThrow(/^webhook target refused: localhost resolves to (127\.0\.0\.1|::1), a private/);
      await expect(post(`http://127.0.0.1:${port}/hook`, development)).rejects.toThrow(
        'webhook target refused: 127.0.0.1 is a private, loopback, link-local or multicast address',
      );
      await expect(post(`http://[::ffff:127.0.0.1]:${port}/hook`, development)).rejects.toBeInstanceOf(
        WebhookTargetRefused,
      );
      expect(hits).toEqual([]);
    });

    it('delivers to an allowed host; a redirect is not followed and fails for good, a 503 is retried', async () => {
      const allowed: WebhookTargetPolicy = { ...development, allowedHosts: new Set(['localhost']) };
      await post(`http://localhost:${port}/hook`, allowed);
      const moved = post(`http://localhost:${port}/moved`, allowed);
      await expect(moved).rejects.toBeInstanceOf(UnrecoverableError);
      await expect(moved).rejects.toThrow(/answered 302: redirects are not followed/);
      const busy = post(`http://localhost:${port}/busy`, allowed);
      await expect(busy).rejects.toThrow(/answered 503$/);
      await expect(busy).rejects.not.toBeInstanceOf(UnrecoverableError);
      expect(hits).toEqual(['/hook', '/moved', '/busy']);
    });
  });
});
