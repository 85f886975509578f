import 'reflect-metadata';
import { runService } from '@gridgov/platform-observability';
import { createGridService } from './create-grid-service';
import { loadGridServiceConfig } from './grid-service.config';

runService('grid-service', () => createGridService(loadGridServiceConfig()));
