import 'reflect-metadata';
import { runService } from '@gridgov/platform-observability';
import { createOrgService } from './create-org-service';
import { loadOrgServiceConfig } from './org-service.config';

runService('org-service', () => createOrgService(loadOrgServiceConfig()));
