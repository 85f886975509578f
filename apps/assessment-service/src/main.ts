import 'reflect-metadata';
import { runService } from '@gridgov/platform-observability';
import { createAssessmentService } from './create-assessment-service';
import { loadAssessmentServiceConfig } from './assessment-service.config';

runService('assessment-service', () => createAssessmentService(loadAssessmentServiceConfig()));
