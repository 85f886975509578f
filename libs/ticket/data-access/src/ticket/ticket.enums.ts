/** The life cycle of the design; `TRANSITIONS` (workflow/ticket-transitions.ts) moves between them. */
export enum TicketStatus {
  REPORTED = 'REPORTED',
  ACCEPTED = 'ACCEPTED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
  ESCALATED = 'ESCALATED',
  RETURNED = 'RETURNED',
  SUSPENDED = 'SUSPENDED',
  REOPENED = 'REOPENED',
  REJECTED = 'REJECTED',
  MERGED = 'MERGED',
}

/** How a ticket is handled: on the spot, coordinated, as an emergency, or as a proxy request up the unit tree. */
export enum TicketMode {
  ONSITE = 'ONSITE',
  COORDINATED = 'COORDINATED',
  EMERGENCY = 'EMERGENCY',
  PROXY = 'PROXY',
}

/** Where the report came in. */
export enum TicketChannel {
  GRID_WORKER = 'GRID_WORKER',
  RESIDENT_APP = 'RESIDENT_APP',
  HOTLINE = 'HOTLINE',
  WINDOW = 'WINDOW',
  ONLINE = 'ONLINE',
  DEPARTMENT_SYSTEM = 'DEPARTMENT_SYSTEM',
}

/** 四色督办: set by the SLA workers later; every ticket starts GREEN. */
export enum SupervisionColor {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  ORANGE = 'ORANGE',
  RED = 'RED',
}

/** Every step of the workflow (the keys of `TRANSITIONS`), plus `REPORT` for the entry that creates a ticket. */
export enum TicketAction {
  REPORT = 'REPORT',
  ACCEPT = 'ACCEPT',
  DISPATCH = 'DISPATCH',
  RETURN = 'RETURN',
  ESCALATE = 'ESCALATE',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  START = 'START',
  RESOLVE = 'RESOLVE',
  VERIFY = 'VERIFY',
  RATE = 'RATE',
  CLOSE = 'CLOSE',
  REJECT = 'REJECT',
  MERGE = 'MERGE',
  /** PROXY (代办): this level approves; the ticket goes up to the parent unit, or is accepted at the top. */
  APPROVE = 'APPROVE',
  /** PROXY: this level returns it to the level below (at the community: to the applicant) with a reason. */
  SEND_BACK = 'SEND_BACK',
  /** Not a step: the ticket worker's entry when the SLA clock turns the ticket YELLOW, ORANGE or RED. */
  SLA_COLOR = 'SLA_COLOR',
}

/** The reporter's rating; UNSATISFIED reopens the ticket. */
export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  UNSATISFIED = 'UNSATISFIED',
}
