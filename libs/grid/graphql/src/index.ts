export type { GridContext } from './grid-context';
export { createGridSubgraph, DEFAULT_IMPORT_MAX_BYTES, type GridImportOptions } from './grid-subgraph';
export { RESIDENT_IMPORT_UPLOAD_PATH } from './import/resident-import.route';
