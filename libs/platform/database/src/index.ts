export { createDataSource, initialiseDataSource, type DataSourceOptions } from './create-data-source';
export { isUniqueViolation } from './is-unique-violation';
export { SnakeNamingStrategy } from './snake-naming.strategy';
