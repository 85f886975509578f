import { runService } from '@gridgov/platform-observability';
import { createGatewayApp } from './create-gateway-app';
import { loadGatewayConfig } from './gateway.config';

runService('gateway', () => createGatewayApp(loadGatewayConfig()));
