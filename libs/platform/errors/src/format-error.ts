import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-code';

// Codes whose message was written for the caller. INTERNAL_SERVER_ERROR is what Apollo gives
// unexpected exceptions, so its message (SQL, paths) is never passed on.
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * One error shape for every server: known codes pass through; anything else (a bug, a driver
 * error) becomes INTERNAL_SERVER_ERROR with a neutral message, and stack traces never leave
 * unless `exposeDetails` (development only).
 */
export function createErrorFormatter(options: { exposeDetails: boolean; onInternalError?: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.['code'] ?? '');
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const typeGraphqlCode = authErrorCode(original);
    if (typeGraphqlCode) return { ...withoutStack(formatted), message: formatted.message, extensions: { code: typeGraphqlCode } };
    if (KNOWN_CODES.has(code) || code.startsWith('DOWNSTREAM')) {
      return options.exposeDetails ? formatted : withoutStack(formatted);
    }
    // graphql-js coerces bad variables and arguments without a code; they are still the caller's fault.
    if (!code && error instanceof GraphQLError && !error.originalError) {
      return withoutStack({ ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT } });
    }
    options.onInternalError?.(original);
    if (options.exposeDetails) return formatted;
    return {
      message: 'Internal error: the request could not be completed. It has been logged.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** type-graphql raises its own auth errors; map them onto our codes. */
function authErrorCode(error: unknown): ErrorCode | undefined {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'AuthenticationError' || name === 'UnauthorizedError') return ErrorCode.UNAUTHENTICATED;
  if (name === 'AuthorizationError' || name === 'ForbiddenError') return ErrorCode.FORBIDDEN;
  return undefined;
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
