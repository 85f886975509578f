import { Permission } from '@gridgov/platform-auth';
import { TicketAction, TicketStatus } from '../ticket/ticket.enums';

const S = TicketStatus;
const A = TicketAction;

export enum DispatchRole {
  LEAD = 'LEAD',
  COOPERATING = 'COOPERATING',
}

export enum DispatchStatus {
  ACTIVE = 'ACTIVE',
  RETURNED = 'RETURNED',
  /** Replaced by a later dispatch (re-dispatch after rework). */
  WITHDRAWN = 'WITHDRAWN',
}

/** Who may take a step, beyond holding its permission. */
export enum ActorRule {
  /** The permission in the scope of the unit handling the ticket now (the community, or a parent after escalation). */
  HANDLING_UNIT = 'HANDLING_UNIT',
  /** The permission in the scope of the ticket's grid (on-site verification by its grid worker). */
  GRID = 'GRID',
  /** A handler of an active dispatch: the permission for its department, or the grid worker it went to. */
  HANDLER = 'HANDLER',
  /** The account that reported the ticket. */
  REPORTER = 'REPORTER',
}

/** Step input fields an action cannot do without. */
export type RequiredField =
  | 'reason'
  | 'note'
  | 'approverAccountId'
  | 'passed'
  | 'satisfaction'
  | 'mergeIntoId';

export interface Transition {
  from: readonly TicketStatus[];
  /** `SUSPENDED_FROM`: back to the status the ticket was suspended in. */
  to: TicketStatus | 'SUSPENDED_FROM';
  /** Where a negative outcome goes (verification failed, rating unsatisfied): rework. */
  onFailure?: TicketStatus;
  permission: Permission | null;
  actor: ActorRule;
  requires: readonly RequiredField[];
}

/**
 * THE ticket state machine: every status change goes through `TicketWorkflowService.apply`, which
 * looks the step up here. Anything not listed is an INVALID_TRANSITION.
 */
export const TRANSITIONS: Readonly<
  Record<Exclude<TicketAction, TicketAction.REPORT | TicketAction.SLA_COLOR>, Transition>
> = {
  [A.ACCEPT]: {
    from: [S.REPORTED, S.ESCALATED],
    to: S.ACCEPTED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: [],
  },
  [A.DISPATCH]: {
    from: [S.ACCEPTED, S.RETURNED, S.REOPENED],
    to: S.ASSIGNED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    // Without a department or grid worker, the responsibility list of the handling unit decides.
    requires: [],
  },
  [A.RETURN]: {
    from: [S.ASSIGNED],
    to: S.RETURNED,
    permission: Permission.TICKET_RESOLVE,
    actor: ActorRule.HANDLER,
    requires: ['reason'],
  },
  [A.ESCALATE]: {
    from: [S.REPORTED, S.ACCEPTED, S.RETURNED],
    to: S.ESCALATED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: ['reason'],
  },
  [A.SUSPEND]: {
    from: [S.ASSIGNED, S.IN_PROGRESS],
    to: S.SUSPENDED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: ['reason', 'approverAccountId'],
  },
  [A.RESUME]: {
    from: [S.SUSPENDED],
    to: 'SUSPENDED_FROM',
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: [],
  },
  [A.START]: {
    from: [S.ASSIGNED, S.REOPENED],
    to: S.IN_PROGRESS,
    permission: Permission.TICKET_RESOLVE,
    actor: ActorRule.HANDLER,
    requires: [],
  },
  [A.RESOLVE]: {
    from: [S.ASSIGNED, S.IN_PROGRESS],
    to: S.RESOLVED,
    permission: Permission.TICKET_RESOLVE,
    actor: ActorRule.HANDLER,
    requires: ['note'],
  },
  [A.VERIFY]: {
    from: [S.RESOLVED],
    to: S.VERIFIED,
    onFailure: S.REOPENED,
    permission: Permission.TICKET_VERIFY,
    actor: ActorRule.GRID,
    requires: ['passed'],
  },
  [A.RATE]: {
    from: [S.VERIFIED],
    to: S.VERIFIED,
    onFailure: S.REOPENED,
    permission: null,
    actor: ActorRule.REPORTER,
    requires: ['satisfaction'],
  },
  [A.CLOSE]: {
    from: [S.VERIFIED],
    to: S.CLOSED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: [],
  },
  [A.REJECT]: {
    from: [S.REPORTED, S.ACCEPTED, S.ESCALATED],
    to: S.REJECTED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: ['reason'],
  },
  [A.MERGE]: {
    from: [S.REPORTED, S.ACCEPTED],
    to: S.MERGED,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: ['mergeIntoId'],
  },
};

export type WorkflowAction = keyof typeof TRANSITIONS;

/** The actions a ticket in `status` allows, in table order (for error messages and clients). */
export function allowedActions(status: TicketStatus): WorkflowAction[] {
  return (Object.keys(TRANSITIONS) as WorkflowAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** The unit above a significant code prefix: community (12) → street (9) → district (6) → city (4) → province (2). */
export function parentUnitCode(code: string): string | null {
  const lengths = [2, 4, 6, 9, 12];
  const index = lengths.indexOf(code.length);
  return index > 0 ? code.slice(0, lengths[index - 1]) : null;
}

/** What a status change does to the SLA clock (and so to the ticket worker's timers). */
export enum ClockChange {
  START_ACCEPT = 'START_ACCEPT',
  START_RESOLVE = 'START_RESOLVE',
  START_VERIFY = 'START_VERIFY',
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
  STOP = 'STOP',
}

const CLOCK_ON_ENTRY: Partial<Record<TicketStatus, ClockChange>> = {
  [S.REPORTED]: ClockChange.START_ACCEPT,
  // A new unit gets a new accept clock.
  [S.ESCALATED]: ClockChange.START_ACCEPT,
  [S.ACCEPTED]: ClockChange.START_RESOLVE,
  // Rework: a new resolve clock (a new SLA version).
  [S.REOPENED]: ClockChange.START_RESOLVE,
  [S.RESOLVED]: ClockChange.START_VERIFY,
  [S.SUSPENDED]: ClockChange.PAUSE,
  [S.VERIFIED]: ClockChange.STOP,
  [S.CLOSED]: ClockChange.STOP,
  [S.REJECTED]: ClockChange.STOP,
  [S.MERGED]: ClockChange.STOP,
};

/**
 * The clock change of a status change, or null (dispatching, returning and starting work keep the
 * resolve clock running). Every START_* begins a new SLA version.
 */
export function clockChange(from: TicketStatus | null, to: TicketStatus): ClockChange | null {
  if (from === to) return null;
  if (from === S.SUSPENDED) return ClockChange.RESUME;
  return CLOCK_ON_ENTRY[to] ?? null;
}

export function startsNewClock(change: ClockChange | null): boolean {
  return (
    change === ClockChange.START_ACCEPT ||
    change === ClockChange.START_RESOLVE ||
    change === ClockChange.START_VERIFY
  );
}
