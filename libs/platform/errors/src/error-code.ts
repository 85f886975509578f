/** The `extensions.code` values every subgraph and the gateway use. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** The service lacks a setting it needs for this operation: retrying cannot help, an operator must fix it. */
  SERVICE_MISCONFIGURED = 'SERVICE_MISCONFIGURED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
