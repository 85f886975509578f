export { createObservedApp, REQUEST_ID_HEADER } from './http-observability';
export { listen } from './listen';
export { createLogger, type Logger } from './logger';
export { createMetrics, type Metrics } from './metrics';
export { runService } from './run-service';
