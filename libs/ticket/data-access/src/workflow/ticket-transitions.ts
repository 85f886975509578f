import { Permission } from '@gridgov/platform-auth';
import { TicketAction, TicketMode, TicketStatus } from '../ticket/ticket.enums';

const S = TicketStatus;
const A = TicketAction;
const NOT_PROXY = [TicketMode.ONSITE, TicketMode.COORDINATED, TicketMode.EMERGENCY];

/** The top of the PROXY approval chain: the district (6-digit code prefix). */
export const APPROVAL_TOP_LENGTH = 6;

/** What the table looks at besides who acts. */
export type TransitionTicket = { status: TicketStatus; mode: TicketMode; handlingUnitCode: string };

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
  /**
   * `SUSPENDED_FROM`: back to the status the ticket was suspended in. `NEXT_APPROVER`: ESCALATED to
   * the parent unit, or ACCEPTED at the top of the approval chain (the district).
   */
  to: TicketStatus | 'SUSPENDED_FROM' | 'NEXT_APPROVER';
  /** Only tickets of these modes take the step (all modes when absent). */
  modes?: readonly TicketMode[];
  /** A further condition on the ticket (false: INVALID_TRANSITION). */
  when?: (ticket: TransitionTicket) => boolean;
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
    // PROXY tickets are accepted by the approval chain (APPROVE at the top).
    modes: NOT_PROXY,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: [],
  },
  [A.DISPATCH]: {
    from: [S.ACCEPTED, S.RETURNED, S.REOPENED],
    to: S.ASSIGNED,
    // A PROXY ticket is handled only once the top of its approval chain holds it (approved).
    when: (t) => t.mode !== TicketMode.PROXY || t.handlingUnitCode.length <= APPROVAL_TOP_LENGTH,
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
    modes: NOT_PROXY,
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
  // 代办: each level up the unit tree approves (passing it up) or sends it back down with a reason.
  [A.APPROVE]: {
    from: [S.REPORTED, S.ESCALATED, S.RETURNED],
    to: 'NEXT_APPROVER',
    modes: [TicketMode.PROXY],
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: [],
  },
  [A.SEND_BACK]: {
    from: [S.REPORTED, S.ESCALATED, S.RETURNED],
    to: S.RETURNED,
    modes: [TicketMode.PROXY],
    // Approved tickets a department returned to the district are re-dispatched, not sent back.
    when: (t) => t.status !== S.RETURNED || t.handlingUnitCode.length > APPROVAL_TOP_LENGTH,
    permission: Permission.TICKET_HANDLE,
    actor: ActorRule.HANDLING_UNIT,
    requires: ['reason'],
  },
};

export type WorkflowAction = keyof typeof TRANSITIONS;

/** Whether the table lets a ticket in this status and mode take the step (who may is checked apart). */
export function isAllowed(action: WorkflowAction, ticket: TransitionTicket): boolean {
  const { from, modes, when } = TRANSITIONS[action];
  return from.includes(ticket.status) && (!modes || modes.includes(ticket.mode)) && (!when || when(ticket));
}

/** The actions a ticket allows, in table order (for error messages and clients). */
export function allowedActions(ticket: TransitionTicket): WorkflowAction[] {
  return (Object.keys(TRANSITIONS) as WorkflowAction[]).filter((a) => isAllowed(a, ticket));
}

/** Lengths of the significant unit code prefixes: province, city, district, street, community. */
const UNIT_CODE_LENGTHS = [2, 4, 6, 9, 12];

/** The unit one level below `code` on the way to `leaf` (street → community), or null at the leaf. */
export function childUnitCode(code: string, leaf: string): string | null {
  const next = UNIT_CODE_LENGTHS.find((n) => n > code.length);
  return next && next <= leaf.length ? leaf.slice(0, next) : null;
}

/** The unit above a significant code prefix: community (12) → street (9) → district (6) → city (4) → province (2). */
export function parentUnitCode(code: string): string | null {
  const index = UNIT_CODE_LENGTHS.indexOf(code.length);
  return index > 0 ? code.slice(0, UNIT_CODE_LENGTHS[index - 1]) : null;
}

/** The significant prefixes of a unit code, itself included: 520303001 → 52, 5203, 520303, 520303001. */
export function unitCodePrefixes(code: string): string[] {
  return UNIT_CODE_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));
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
export function clockChange(
  from: TicketStatus | null,
  to: TicketStatus,
  /** The step moved the ticket to another unit (a PROXY approval or send-back): that unit gets a new accept clock. */
  unitChanged = false,
): ClockChange | null {
  if (from === to) return unitChanged ? ClockChange.START_ACCEPT : null;
  if (from === S.SUSPENDED) return ClockChange.RESUME;
  // A PROXY ticket sent back down: the lower level gets a new accept clock (a department's return keeps the resolve clock).
  if (to === S.RETURNED && from !== S.ASSIGNED) return ClockChange.START_ACCEPT;
  return CLOCK_ON_ENTRY[to] ?? null;
}

export function startsNewClock(change: ClockChange | null): boolean {
  return (
    change === ClockChange.START_ACCEPT ||
    change === ClockChange.START_RESOLVE ||
    change === ClockChange.START_VERIFY
  );
}
