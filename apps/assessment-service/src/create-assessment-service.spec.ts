import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from '@gridgov/platform-testing';
import { loadAssessmentServiceConfig } from './assessment-service.config';
import { createAssessmentService } from './create-assessment-service';

// With Redis the service runs its assessment-runs worker; one /metrics serves the subgraph's HTTP
// metrics and the worker's queue metrics.
describe('assessment-service', () => {
  it('serves the run worker’s queue metrics beside its HTTP metrics', async () => {
    const schema = freshSchemaName('assessment');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const service = await createAssessmentService(
      loadAssessmentServiceConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        DATABASE_URL: testDatabaseUrl(),
        GATEWAY_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ACCESS_TOKEN_SECRET: 'test-secret',
        REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `test-${randomUUID()}`,
      }),
      { databaseSchema: schema },
    );
    try {
      const metrics = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
      expect(metrics).toContain('worker_jobs_delayed{queue="assessment-runs",service="assessment-service"}');
      expect(metrics).toContain('http_requests_total');
    } finally {
      await service.stop();
      await dropSchemas([schema]);
    }
  });
});
