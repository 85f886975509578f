import { TicketInitial1764100000000 } from './migrations/1764100000000-ticket-initial';
import { TicketWorkflow1764200000000 } from './migrations/1764200000000-ticket-workflow';
import { TicketOutbox1764300000000 } from './migrations/1764300000000-ticket-outbox';
import { TicketSla1764400000000 } from './migrations/1764400000000-ticket-sla';
import { TicketDuplicates1764700000000 } from './migrations/1764700000000-ticket-duplicates';
import { TicketOverdue1764600000000 } from './migrations/1764600000000-ticket-overdue';
import { TicketCatalogue1765400000000 } from './migrations/1765400000000-ticket-catalogue';
import { TicketResponsibility1765400100000 } from './migrations/1765400100000-ticket-responsibility';
import { ResponsibilityRuleEntity } from './responsibility/responsibility-rule.entity';
import { TicketSlaAdmin1765400200000 } from './migrations/1765400200000-ticket-sla-admin';
import { SlaPolicyEntity } from './sla/sla-policy.entity';
import { TicketListIndexes1765400300000 } from './migrations/1765400300000-ticket-list-indexes';
import { TicketLeaderNotification1765400400000 } from './migrations/1765400400000-ticket-leader-notification';
import { TicketConfigAudit1766500000000 } from './migrations/1766500000000-ticket-config-audit';
import { TicketIntakeConfigVersion1766600000000 } from './migrations/1766600000000-ticket-intake-config-version';
import { TicketConfigAuditEntity } from './audit/ticket-config-audit.entity';
import { TicketSupervision1764500000000 } from './migrations/1764500000000-ticket-supervision';
import { TicketTimers1765100000000 } from './migrations/1765100000000-ticket-timers';
import { TicketSupervisionEntity } from './supervision/ticket-supervision.entity';
import { TicketDispatchEntity } from './workflow/ticket-dispatch.entity';
import { TicketOutboxEntity } from './workflow/ticket-outbox.entity';
import { TicketEventEntity } from './ticket/ticket-event.entity';
import { TicketEntity } from './ticket/ticket.entity';
import { TicketCategoryEntity } from './catalogue/ticket-category.entity';

export { TicketConfigAuditEntity, TicketConfigChangeKind } from './audit/ticket-config-audit.entity';
export { type TicketConfigChangeFilter, TicketConfigAuditService } from './audit/ticket-config-audit.service';
export { AttributeDatatype, type CategoryAttribute } from './catalogue/category-attribute';
export { TicketCategoryEntity } from './catalogue/ticket-category.entity';
export { TicketCategoryService } from './catalogue/ticket-category.service';
export { ResponsibilityRuleEntity } from './responsibility/responsibility-rule.entity';
export { type ResponsibilityRuleInput, ResponsibilityService } from './responsibility/responsibility.service';
export { SlaPolicyEntity } from './sla/sla-policy.entity';
export { SlaUnit } from './sla/sla-policy';
export { type SlaPolicyChange, type SlaPolicyInput, SlaPolicyService } from './sla/sla-policy.service';
export {
  type CalendarDay,
  type CalendarDayChange,
  type CalendarDayInput,
  WorkingCalendarService,
} from './sla/working-calendar.service';
export { DEMO_REPORTER_ID, seedTicketDemo } from './demo/ticket-demo.seed';
export { TicketEventEntity } from './ticket/ticket-event.entity';
export {
  checkReportInput,
  formatTicketNumber,
  MAX_PHOTOS,
  type NewTicket,
  type ReportTicketInput,
} from './ticket/ticket-input';
export { TicketEntity } from './ticket/ticket.entity';
export {
  Satisfaction,
  SupervisionColor,
  TicketAction,
  TicketChannel,
  TicketMode,
  TicketStatus,
} from './ticket/ticket.enums';
export { supervisionColor } from './sla/sla-policy';
export { TicketFactGroup, type TicketFactRow, ticketFacts } from './stats/ticket-facts.query';
export { type TicketCounts, type TicketStats } from './stats/ticket-figures';
export {
  type HotSpots,
  StatsBucket,
  type TicketSpike,
  type TicketStatsFilter,
  type TicketStatsPeriod,
  TicketStatsService,
} from './stats/ticket-stats.service';
export { TicketSupervisionEntity } from './supervision/ticket-supervision.entity';
export { TicketSupervisionService } from './supervision/ticket-supervision.service';
export * from './timers';
export { TicketDispatchEntity } from './workflow/ticket-dispatch.entity';
export { TicketOutboxEntity } from './workflow/ticket-outbox.entity';
export {
  allowedActions,
  ClockChange,
  DispatchRole,
  DispatchStatus,
  TRANSITIONS,
  type WorkflowAction,
} from './workflow/ticket-transitions';
export { TicketWorkflowService, type TicketStepInput } from './workflow/ticket-workflow.service';
export { TicketService, writeNewTicket, type TicketFilter } from './ticket/ticket.service';

/** The ticket schema: every table ticket-service owns, and its migrations in order. */
export const ticketDatabase = {
  schema: 'ticket',
  entities: [
    TicketEntity,
    TicketEventEntity,
    TicketDispatchEntity,
    TicketOutboxEntity,
    TicketSupervisionEntity,
    TicketCategoryEntity,
    ResponsibilityRuleEntity,
    SlaPolicyEntity,
    TicketConfigAuditEntity,
  ],
  migrations: [
    TicketInitial1764100000000,
    TicketWorkflow1764200000000,
    TicketOutbox1764300000000,
    TicketSla1764400000000,
    TicketSupervision1764500000000,
    TicketOverdue1764600000000,
    TicketDuplicates1764700000000,
    TicketTimers1765100000000,
    TicketCatalogue1765400000000,
    TicketResponsibility1765400100000,
    TicketSlaAdmin1765400200000,
    TicketListIndexes1765400300000,
    TicketLeaderNotification1765400400000,
    TicketConfigAudit1766500000000,
    TicketIntakeConfigVersion1766600000000,
  ],
};
