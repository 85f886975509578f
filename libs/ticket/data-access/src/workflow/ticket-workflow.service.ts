import { DataSource, EntityManager } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import {
  badInput,
  conflict,
  forbidden,
  InputProblems,
  invalidTransition,
  isUuid,
  notFound,
} from '@gridgov/platform-errors';
import { isHttpUrl, MAX_PHOTOS } from '../ticket/ticket-input';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import { Satisfaction, TicketAction, TicketStatus } from '../ticket/ticket.enums';
import { TicketDispatchEntity } from './ticket-dispatch.entity';
import {
  ActorRule,
  allowedActions,
  APPROVAL_TOP_LENGTH,
  childUnitCode,
  DispatchRole,
  DispatchStatus,
  clockChange,
  isAllowed,
  parentUnitCode,
  startsNewClock,
  type RequiredField,
  TRANSITIONS,
  type WorkflowAction,
} from './ticket-transitions';
import { ResponsibilityService } from '../responsibility/responsibility.service';
import { nextClock } from '../sla/ticket-clock';
import { writeClockChange } from './ticket-outbox';
import { ticketVisibility } from './ticket-visibility';

const MAX_TEXT = 2000;
const TERMINAL = [TicketStatus.CLOSED, TicketStatus.REJECTED, TicketStatus.MERGED];

/** What a step may carry; `TRANSITIONS[action].requires` says which fields it needs. */
export interface TicketStepInput {
  /** When given, the step fails with CONFLICT unless the ticket still has this version. */
  expectedVersion?: number | null;
  /** Free text for the timeline; the result text for RESOLVE. */
  note?: string | null;
  photos?: string[] | null;
  /** Why (RETURN, ESCALATE, SUSPEND, REJECT). */
  reason?: string | null;
  /** DISPATCH: the lead department … */
  departmentId?: string | null;
  cooperatingDepartmentIds?: string[] | null;
  /** … or a grid worker's account instead. */
  assigneeAccountId?: string | null;
  /** SUSPEND: who approved the pause. */
  approverAccountId?: string | null;
  /** VERIFY: passed on site, or rework. */
  passed?: boolean | null;
  satisfaction?: Satisfaction | null;
  /** MERGE: the ticket this one duplicates. */
  mergeIntoId?: string | null;
}

/**
 * The one place a ticket changes state. A step is checked against `TRANSITIONS` (INVALID_TRANSITION
 * naming the allowed actions), then against who may take it (FORBIDDEN), and written with its
 * timeline entry, dispatch rows and SLA outbox row in one transaction; the ticket row is updated only if its
 * version is still the one read, so of two concurrent steps exactly one wins (the other: CONFLICT).
 */
export class TicketWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  async apply(ticketId: string, action: WorkflowAction, input: TicketStepInput): Promise<TicketEntity> {
    if (!isUuid(ticketId)) throw badInput('id', 'must be a UUID');
    const step = checkStepInput(action, input);
    const actorId = this.auth.accountId;
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOneBy(TicketEntity, { id: ticketId });
      if (!ticket) throw notFound('Ticket', ticketId);
      const dispatches = await manager.findBy(TicketDispatchEntity, { ticketId });
      if (!ticketVisibility(this.auth).canRead(ticket, dispatches))
        throw forbidden(`You may not see ticket ${ticketId}`);
      if (input.expectedVersion != null && input.expectedVersion !== ticket.version) {
        throw conflict(
          `Ticket ${ticket.number} changed meanwhile (version ${ticket.version}, you sent ${input.expectedVersion})`,
          {
            currentVersion: ticket.version,
          },
        );
      }

      const transition = TRANSITIONS[action];
      if (!isAllowed(action, ticket)) {
        const allowed = allowedActions(ticket);
        throw invalidTransition(
          `Cannot ${action} ${ticket.mode} ticket ${ticket.number}: it is ${ticket.status}; allowed: ${allowed.join(', ') || 'none'}`,
          { status: ticket.status, action, allowedActions: allowed },
        );
      }
      const active = dispatches.filter((d) => d.status === DispatchStatus.ACTIVE);
      this.assertActor(ticket, active, action);

      if (action === TicketAction.DISPATCH && !step.departmentId && !step.assigneeAccountId)
        Object.assign(step, await byResponsibilityList(manager, ticket));
      const from = ticket.status;
      const failed = step.passed === false || step.satisfaction === Satisfaction.UNSATISFIED;
      const to =
        transition.to === 'SUSPENDED_FROM'
          ? (ticket.suspendedFrom ?? TicketStatus.ASSIGNED)
          : transition.to === 'NEXT_APPROVER'
            ? ticket.handlingUnitCode.length > APPROVAL_TOP_LENGTH
              ? TicketStatus.ESCALATED
              : TicketStatus.ACCEPTED
            : failed && transition.onFailure
              ? transition.onFailure
              : transition.to;
      const changes = await this.sideEffects(manager, ticket, action, step, active, actorId);
      changes.status = to;
      if (to === TicketStatus.REOPENED) changes.reworkCount = ticket.reworkCount + 1;
      const unitChanged = !!changes.handlingUnitCode && changes.handlingUnitCode !== ticket.handlingUnitCode;
      const clock = clockChange(from, to, unitChanged);
      const slaVersion = startsNewClock(clock) ? ticket.slaVersion + 1 : ticket.slaVersion;
      changes.slaVersion = slaVersion;
      if (clock)
        Object.assign(changes, await nextClock(manager, { ...ticket, ...changes }, clock, new Date()));

      const result = await manager
        .createQueryBuilder()
        .update(TicketEntity)
        .set(changes)
        .where('id = :id AND version = :version', { id: ticket.id, version: ticket.version })
        .execute();
      if (result.affected !== 1)
        throw conflict(`Ticket ${ticket.number} changed meanwhile; reload it and try again`);

      const event = await manager.insert(TicketEventEntity, {
        ticketId: ticket.id,
        actorId,
        at: new Date(),
        action,
        fromStatus: from,
        toStatus: to,
        note: timelineNote(action, step, ticket.handlingUnitCode, changes.handlingUnitCode),
        photos: step.photos,
      });
      await writeClockChange(
        manager,
        { id: ticket.id, slaVersion },
        from,
        to,
        String(event.identifiers[0].id),
        unitChanged,
      );
      return manager.findOneByOrFail(TicketEntity, { id: ticket.id });
    });
  }

  private assertActor(ticket: TicketEntity, active: TicketDispatchEntity[], action: WorkflowAction): void {
    const { actor, permission } = TRANSITIONS[action];
    const denied = () => forbidden(`You may not ${action} ticket ${ticket.number}`);
    switch (actor) {
      case ActorRule.HANDLING_UNIT:
        if (!permission || !this.auth.can(permission, ticket.handlingUnitCode)) throw denied();
        return;
      case ActorRule.GRID:
        if (!permission || !this.auth.can(permission, ticket.gridCode)) throw denied();
        return;
      case ActorRule.HANDLER:
        if (!permission || this.handledDispatches(ticket, active, action, permission).length === 0)
          throw denied();
        return;
      case ActorRule.REPORTER:
        if (ticket.reporterId !== this.auth.accountId) throw denied();
        return;
    }
  }

  /** The active dispatches the caller handles; RETURN is the lead's decision, not a cooperating department's. */
  private handledDispatches(
    ticket: TicketEntity,
    active: TicketDispatchEntity[],
    action: WorkflowAction,
    permission: Permission,
  ): TicketDispatchEntity[] {
    const departments = new Set(this.auth.departmentIds(permission));
    return active.filter(
      (d) =>
        (action !== TicketAction.RETURN || d.role === DispatchRole.LEAD) &&
        (d.departmentId
          ? departments.has(d.departmentId)
          : d.accountId === this.auth.accountId && this.auth.can(permission, ticket.gridCode)),
    );
  }

  /** Rows beside the ticket a step writes, and the ticket columns it sets besides the status. */
  private async sideEffects(
    manager: EntityManager,
    ticket: TicketEntity,
    action: WorkflowAction,
    step: CheckedStep,
    active: TicketDispatchEntity[],
    actorId: string,
  ): Promise<Partial<TicketEntity>> {
    switch (action) {
      case TicketAction.ACCEPT:
        // 首问负责: whoever accepted first stays the owner, also after escalation.
        return { ownerAccountId: ticket.ownerAccountId ?? actorId };
      case TicketAction.APPROVE:
        // The first approver owns a PROXY ticket; below the top it moves up to the parent unit.
        return {
          ownerAccountId: ticket.ownerAccountId ?? actorId,
          handlingUnitCode:
            ticket.handlingUnitCode.length > APPROVAL_TOP_LENGTH
              ? (parentUnitCode(ticket.handlingUnitCode) ?? ticket.handlingUnitCode)
              : ticket.handlingUnitCode,
        };
      case TicketAction.SEND_BACK:
        // Down one level towards the ticket's community; the community sends it back to the applicant.
        return {
          handlingUnitCode:
            childUnitCode(ticket.handlingUnitCode, ticket.adminUnitCode) ?? ticket.handlingUnitCode,
        };
      case TicketAction.DISPATCH: {
        if (active.length) {
          await manager.update(
            TicketDispatchEntity,
            active.map((d) => d.id),
            { status: DispatchStatus.WITHDRAWN },
          );
        }
        const base = {
          ticketId: ticket.id,
          status: DispatchStatus.ACTIVE,
          dispatchedBy: actorId,
          dispatchedAt: new Date(),
        };
        const rows = step.assigneeAccountId
          ? [{ ...base, accountId: step.assigneeAccountId, role: DispatchRole.LEAD }]
          : [
              { ...base, departmentId: step.departmentId, role: DispatchRole.LEAD },
              ...step.cooperatingDepartmentIds.map((departmentId) => ({
                ...base,
                departmentId,
                role: DispatchRole.COOPERATING,
              })),
            ];
        await manager.insert(TicketDispatchEntity, rows);
        return {};
      }
      case TicketAction.RETURN:
        // The lead returning it ends the whole dispatch: staff dispatch anew.
        await manager.update(
          TicketDispatchEntity,
          active.map((d) => d.id),
          {
            status: DispatchStatus.RETURNED,
            returnedReason: step.reason,
          },
        );
        return {};
      case TicketAction.ESCALATE: {
        const parent = parentUnitCode(ticket.handlingUnitCode);
        if (!parent) throw badInput('action', `ticket ${ticket.number} is already at the top unit`);
        return { handlingUnitCode: parent };
      }
      case TicketAction.SUSPEND:
        return { suspendedFrom: ticket.status };
      case TicketAction.RESUME:
        return { suspendedFrom: null };
      case TicketAction.RATE:
        return { satisfaction: step.satisfaction };
      case TicketAction.MERGE: {
        const target = step.mergeIntoId
          ? await manager.findOneBy(TicketEntity, { id: step.mergeIntoId })
          : null;
        const targetDispatches = target
          ? await manager.findBy(TicketDispatchEntity, { ticketId: target.id })
          : [];
        if (!target || !ticketVisibility(this.auth).canRead(target, targetDispatches))
          throw badInput('input.mergeIntoId', 'must be a ticket you can see');
        if (target.id === ticket.id) throw badInput('input.mergeIntoId', 'cannot merge a ticket into itself');
        if (target.categoryCode !== ticket.categoryCode)
          throw badInput(
            'input.mergeIntoId',
            `must be a ticket of the same category (${ticket.categoryCode})`,
          );
        if (TERMINAL.includes(target.status))
          throw badInput(
            'input.mergeIntoId',
            `must be an open ticket (${target.number} is ${target.status})`,
          );
        return { mergedIntoId: target.id };
      }
      default:
        return {};
    }
  }
}

interface CheckedStep {
  note: string | null;
  reason: string | null;
  photos: string[];
  departmentId: string | null;
  cooperatingDepartmentIds: string[];
  assigneeAccountId: string | null;
  approverAccountId: string | null;
  passed: boolean | null;
  satisfaction: Satisfaction | null;
  mergeIntoId: string | null;
  /** DISPATCH named no target: the departments come from the responsibility list. */
  byResponsibilityList: boolean;
}

/** Checks a step's input against what its action requires, listing every problem (BAD_USER_INPUT). */
export function checkStepInput(action: WorkflowAction, input: TicketStepInput): CheckedStep {
  const problems = new InputProblems();
  const text = (value: string | null | undefined) => value?.trim() || null;
  const step: CheckedStep = {
    note: text(input.note),
    reason: text(input.reason),
    photos: (input.photos ?? []).map((p) => p.trim()),
    departmentId: input.departmentId || null,
    cooperatingDepartmentIds: [...new Set(input.cooperatingDepartmentIds ?? [])],
    assigneeAccountId: input.assigneeAccountId || null,
    approverAccountId: input.approverAccountId || null,
    passed: input.passed ?? null,
    satisfaction: input.satisfaction ?? null,
    mergeIntoId: input.mergeIntoId || null,
    byResponsibilityList: false,
  };
  const requires = new Set<RequiredField>(TRANSITIONS[action].requires);
  const missing: Record<RequiredField, boolean> = {
    note: !step.note,
    reason: !step.reason,
    approverAccountId: !step.approverAccountId,
    passed: step.passed === null,
    satisfaction: step.satisfaction === null,
    mergeIntoId: !step.mergeIntoId,
  };
  for (const field of requires) problems.check(!missing[field], `input.${field}`, `is required to ${action}`);
  problems.check(
    !(step.departmentId && step.assigneeAccountId),
    'input.assigneeAccountId',
    'dispatch to a department or to a grid worker, not both',
  );
  problems.check(
    !step.assigneeAccountId || step.cooperatingDepartmentIds.length === 0,
    'input.cooperatingDepartmentIds',
    'only with a lead department',
  );
  problems.check(
    !step.departmentId || !step.cooperatingDepartmentIds.includes(step.departmentId),
    'input.cooperatingDepartmentIds',
    'must not repeat the lead department',
  );
  for (const field of ['departmentId', 'assigneeAccountId', 'approverAccountId', 'mergeIntoId'] as const) {
    problems.check(!step[field] || isUuid(step[field]), `input.${field}`, 'must be a UUID');
  }
  step.cooperatingDepartmentIds.forEach((id, i) =>
    problems.check(isUuid(id), `input.cooperatingDepartmentIds[${i}]`, 'must be a UUID'),
  );
  for (const field of ['note', 'reason'] as const) {
    problems.check(
      (step[field] ?? '').length <= MAX_TEXT,
      `input.${field}`,
      `must be at most ${MAX_TEXT} characters`,
    );
  }
  problems.check(step.photos.length <= MAX_PHOTOS, 'input.photos', `at most ${MAX_PHOTOS} photos`);
  step.photos.forEach((p, i) =>
    problems.check(isHttpUrl(p), `input.photos[${i}]`, 'must be an http or https URL'),
  );
  problems.throwIfAny();
  return step;
}

/** The departments of the responsibility-list line covering the handling unit and the ticket's category. */
async function byResponsibilityList(
  manager: EntityManager,
  ticket: TicketEntity,
): Promise<Pick<CheckedStep, 'departmentId' | 'cooperatingDepartmentIds' | 'byResponsibilityList'>> {
  const rule = await ResponsibilityService.responsibleFor(
    manager,
    ticket.handlingUnitCode,
    ticket.categoryCode,
  );
  if (!rule)
    throw badInput(
      'input.departmentId',
      `no responsibility list line covers unit ${ticket.handlingUnitCode} and category ${ticket.categoryCode}: name the department or grid worker, or add the line (setResponsibilityRule)`,
    );
  return {
    departmentId: rule.leadDepartmentId,
    cooperatingDepartmentIds: rule.cooperatingDepartmentIds,
    byResponsibilityList: true,
  };
}

/** The timeline note: the free text, with the step's reason and decision in front so the record reads on its own. */
function timelineNote(
  action: WorkflowAction,
  step: CheckedStep,
  unitBefore: string,
  unitAfter: string | undefined,
): string | null {
  const parts: string[] = [];
  if (step.reason) parts.push(step.reason);
  if (action === TicketAction.APPROVE)
    parts.push(
      unitAfter && unitAfter !== unitBefore
        ? `Approved at ${unitBefore}, passed up to ${unitAfter}`
        : `Approved at ${unitBefore}: final approval`,
    );
  if (action === TicketAction.SEND_BACK)
    parts.push(
      unitAfter && unitAfter !== unitBefore ? `Sent back to ${unitAfter}` : 'Sent back to the applicant',
    );
  if (action === TicketAction.VERIFY)
    parts.push(step.passed ? 'Verified on site' : 'Verification failed: rework');
  if (action === TicketAction.RATE && step.satisfaction) parts.push(`Rated ${step.satisfaction}`);
  if (action === TicketAction.SUSPEND) parts.push(`Approved by ${step.approverAccountId}`);
  if (step.byResponsibilityList) parts.push('By the responsibility list');
  if (action === TicketAction.DISPATCH)
    parts.push(
      step.assigneeAccountId
        ? `To grid worker ${step.assigneeAccountId}`
        : `To department ${step.departmentId}${step.cooperatingDepartmentIds.length ? ` with ${step.cooperatingDepartmentIds.join(', ')}` : ''}`,
    );
  if (step.note) parts.push(step.note);
  return parts.length ? parts.join(' · ') : null;
}
