import 'reflect-metadata';
import { runService } from '@gridgov/platform-observability';
import { createTicketService } from './create-ticket-service';
import { loadTicketServiceConfig } from './ticket-service.config';

runService('ticket-service', () => createTicketService(loadTicketServiceConfig()));
