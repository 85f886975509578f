import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import { type GridEntity, GridService } from '@gridgov/grid-data-access';

export interface GridContext extends BaseContext {
  grids: GridService;
  /** Per-request, batched; they return null for grids the caller may not read. */
  loaders: {
    gridById: DataLoader<string, GridEntity | null>;
    gridByCode: DataLoader<string, GridEntity | null>;
  };
}

export function createGridContext(base: BaseContext): GridContext {
  const grids = new GridService(base.dataSource, base.auth);
  return {
    ...base,
    grids,
    loaders: {
      gridById: new DataLoader((ids) => grids.findVisibleByIds(ids)),
      gridByCode: new DataLoader((codes) => grids.findVisibleByCodes(codes)),
    },
  };
}
