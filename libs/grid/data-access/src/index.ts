import { GridEntity } from './grid/grid.entity';
import { GridInitial1764100000000 } from './migrations/1764100000000-grid-initial';

export { seedGridDemo } from './demo/grid-demo.seed';
export type { GridBoundary } from './grid/grid-boundary';
export { GridKind, GridLevel } from './grid/grid-code';
export { GridEntity } from './grid/grid.entity';
export { GridService, type CreateGridInput, type GridFilter } from './grid/grid.service';

/** The grid schema: every table grid-service owns, and its migrations in order. */
export const gridDatabase = {
  schema: 'grid',
  entities: [GridEntity],
  migrations: [GridInitial1764100000000],
};
