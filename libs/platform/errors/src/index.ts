export {
  badInput,
  conflict,
  forbidden,
  InputProblems,
  invalidTransition,
  notFound,
  unauthenticated,
} from './app-errors';
export { ErrorCode } from './error-code';
export { createErrorFormatter } from './format-error';
export { checkId, isUuid } from './ids';
