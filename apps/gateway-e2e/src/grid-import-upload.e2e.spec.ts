import { randomBytes } from 'node:crypto';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import {
  nationalIdCheckChar,
  randomPersonalDataKeys,
  RESIDENT_IMPORT_COLUMNS,
} from '@gridgov/grid-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { residentImportQueue, startResidentImportWorker } from '@gridgov/grid-jobs';
import { Role } from '@gridgov/platform-auth';
import { startGateway, type RunningGateway } from '@gridgov/platform-gateway';
import { composeSupergraph } from '@gridgov/platform-graphql';
import { createLogger } from '@gridgov/platform-observability';
import { createRedisConnection, eventually } from '@gridgov/platform-queue';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createCommunityGrids } from './testing/community-grids';
import { signInPeople, type TestPerson } from './testing/sign-in-people';

const GRID = '520303001001001';
const RESIDENTS = 20_000;
const GRID_UPLOAD_LIMIT = 8 * 1024 * 1024;

/** A register of RESIDENTS people in households of three, with valid and distinct ID numbers. */
function registerCsv(): Buffer {
  const lines = [RESIDENT_IMPORT_COLUMNS.join(',')];
  for (let i = 0; i < RESIDENTS; i++) {
    const birth = new Date(Date.UTC(1940, 0, 1) + i * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    const first17 = `520303${birth}001`;
    const house = Math.floor(i / 3);
    lines.push(
      [
        GRID,
        'ZHL-1',
        1 + (house % 4),
        1 + (house % 30),
        `H${house}`,
        'OWNER_OCCUPIED',
        'REGISTERED',
        ['HEAD', 'SPOUSE', 'CHILD'][i % 3],
        `居民${i}`,
        first17 + nationalIdCheckChar(first17),
        `138${String(i).padStart(8, '0')}`,
        'REGISTERED',
        '在职',
        '本科',
        '',
      ].join(','),
    );
  }
  return Buffer.from(lines.join('\n'));
}

// Large register files through the gateway's upload endpoint: past the 2 MB GraphQL body limit, stored
// with their job, run by the import worker from the queue and polled with `residentImportJob`.
describe('resident import upload through the gateway', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const producer = createRedisConnection(redisUrl, 'producer');
  const consumer = createRedisConnection(redisUrl, 'worker');
  const imports = residentImportQueue(producer, prefix);
  const keys = randomPersonalDataKeys();
  let graph: TestGraph;
  let smallGateway: RunningGateway;
  let worker: Awaited<ReturnType<typeof startResidentImportWorker>>;
  const tokens: Record<string, string> = {};

  const upload = async (
    gatewayPort: number,
    body: Buffer,
    options: { who?: string; query?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'text/csv' };
    if (options.who) headers['authorization'] = `Bearer ${tokens[options.who]}`;
    const response = await fetch(
      `http://127.0.0.1:${gatewayPort}/uploads/resident-imports?${options.query ?? 'format=CSV&dryRun=false'}`,
      { method: 'POST', headers, body },
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const grid = createGridSubgraph(keys, { dispatch: imports.dispatch, maxUploadBytes: GRID_UPLOAD_LIMIT });
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      grid,
    ]);
    // A second gateway in front of the same subgraphs, with a 1 MB upload limit.
    smallGateway = await startGateway({
      port: 0,
      nodeEnv: 'test',
      supergraphSdl: await composeSupergraph(
        ['org', 'grid'].map((name) => ({
          definition:
            name === 'grid'
              ? grid
              : createOrgSubgraph({ secret: graph.secrets.accessTokenSecret, ttlSeconds: 3600 }),
          url: graph.subgraphs[name].url,
        })),
      ),
      identityPrivateKey: graph.secrets.privateKey,
      accessTokenSecret: graph.secrets.accessTokenSecret,
      subgraphTimeoutMs: 5_000,
      limits: { maxDepth: 12, maxAliases: 30, maxCost: 20_000, maxTokens: 2_000 },
      uploadMaxBytes: 1024 * 1024,
    });
    worker = await startResidentImportWorker({
      dataSource: graph.subgraphs['grid'].dataSource,
      keys,
      imports,
      connection: consumer,
      prefix,
      concurrency: 1,
      lockDurationMs: 30_000,
      reconcileEveryMs: 3_600_000,
      log: createLogger('grid-imports-e2e', 'silent'),
    });
    const people: TestPerson[] = [
      ['admin', Role.PLATFORM_ADMIN, ''],
      ['staff', Role.COMMUNITY_STAFF, '520303001001'],
      ['helper', Role.GRID_HELPER, GRID],
    ];
    Object.assign(tokens, (await signInPeople(graph, people)).tokens);
    await createCommunityGrids(graph, tokens['admin'], [{ code: GRID, name: '珠海路一网格', west: 106.925 }]);
    const building = await graph.query(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      {
        input: {
          gridCode: GRID,
          code: 'ZHL-1',
          name: '珠海路1号楼',
          address: '珠海路1号',
          kind: 'RESIDENTIAL',
          floors: 30,
          units: 4,
        },
      },
      tokens['admin'],
    );
    expect(building.errors).toBeUndefined();
  });

  afterAll(async () => {
    await worker?.close(5_000);
    await smallGateway?.stop();
    await graph?.stop();
    await imports.queue.obliterate({ force: true });
    await imports.queue.close();
    producer.disconnect();
    consumer.disconnect();
  });

  it('imports a register file larger than a GraphQL body and reports its counts', async () => {
    const csv = registerCsv();
    expect(csv.length).toBeGreaterThan(2 * 1024 * 1024);
    const started = await upload(graph.gateway.port, csv, { who: 'staff' });
    expect(started).toMatchObject({ status: 202, body: { status: 'QUEUED' } });

    const JOB = `status totalRows processedRows failure report { rows errors { row column reason } residentsCreated householdsCreated housesCreated }`;
    const job = await eventually(
      async () => {
        const result = await graph.query<{ residentImportJob: { status: string } }>(
          `query($id: ID!) { residentImportJob(id: $id) { ${JOB} } }`,
          { id: started.body['id'] },
          tokens['staff'],
        );
        expect(result.errors).toBeUndefined();
        const now = result.data!.residentImportJob;
        return now.status === 'DONE' || now.status === 'FAILED' ? now : null;
      },
      90_000,
      250,
    );
    expect(job).toEqual({
      status: 'DONE',
      totalRows: RESIDENTS,
      processedRows: RESIDENTS,
      failure: null,
      report: {
        rows: RESIDENTS,
        errors: [],
        residentsCreated: RESIDENTS,
        householdsCreated: Math.ceil(RESIDENTS / 3),
        housesCreated: Math.ceil(RESIDENTS / 3),
      },
    });
    const stored = await graph.subgraphs['grid'].dataSource.query(`SELECT count(*) AS n FROM import_file`);
    expect(Number(stored[0].n)).toBe(0);
  }, 120_000);

  it('answers 401 without a valid token and 403 without HOUSEHOLD_MANAGE, storing nothing', async () => {
    const csv = Buffer.from(`${RESIDENT_IMPORT_COLUMNS.join(',')}\n`);
    expect(await upload(graph.gateway.port, csv)).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    tokens['forged'] = 'not-a-token';
    expect(await upload(graph.gateway.port, csv, { who: 'forged' })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect(await upload(graph.gateway.port, csv, { who: 'helper' })).toEqual({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: 'You do not have household:manage' } },
    });
    const jobs = await graph.subgraphs['grid'].dataSource.query(`SELECT count(*) AS n FROM import_job`);
    expect(Number(jobs[0].n)).toBe(1); // the one of the first test
  });

  it('refuses bodies over the gateway or the grid-service limit with 413, and bad requests with 400', async () => {
    const twoMegabytes = Buffer.alloc(2 * 1024 * 1024, 'a');
    const overGateway = await upload(smallGateway.port, twoMegabytes, { who: 'staff' });
    expect(overGateway).toEqual({
      status: 413,
      body: {
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'the file is larger than the upload limit of 1048576 bytes; split it',
        },
      },
    });
    const overGrid = await upload(graph.gateway.port, Buffer.alloc(GRID_UPLOAD_LIMIT + 1, 'a'), {
      who: 'staff',
    });
    expect(overGrid).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });

    // A simple content type without the preflight header could come from any web page (CSRF).
    expect(
      await upload(graph.gateway.port, twoMegabytes, { who: 'staff', contentType: 'text/plain' }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST' } },
    });
    expect(await upload(graph.gateway.port, twoMegabytes, { who: 'staff', query: 'format=PDF' })).toEqual({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', message: 'format: must be CSV or XLSX' } },
    });
    expect(
      await upload(graph.gateway.port, twoMegabytes, { who: 'staff', query: 'format=CSV&dryRun=yes' }),
    ).toEqual({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', message: 'dryRun: must be true or false' } },
    });
    expect(await upload(graph.gateway.port, Buffer.alloc(0), { who: 'staff' })).toEqual({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', message: 'file: is empty' } },
    });
    const unknownKind = await fetch(`http://127.0.0.1:${graph.gateway.port}/uploads/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${tokens['staff']}` },
      body: Buffer.from('x'),
    });
    expect(unknownKind.status).toBe(404);
    expect(await unknownKind.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
