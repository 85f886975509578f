export type { TicketContext } from './ticket-context';
export { createTicketSubgraph } from './ticket-subgraph';
