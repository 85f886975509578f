export {
  badInput,
  conflict,
  forbidden,
  InputProblems,
  invalidTransition,
  notFound,
  serviceMisconfigured,
  unauthenticated,
} from './app-errors';
export { ErrorCode } from './error-code';
export { createErrorFormatter } from './format-error';
export { checkId, isUuid } from './ids';
