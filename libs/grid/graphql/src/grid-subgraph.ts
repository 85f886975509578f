import type { BaseContext, SubgraphDefinition } from '@gridgov/platform-graphql';
import {
  gridDatabase,
  type ImportJobDispatch,
  ImportJobRunner,
  PersonalDataCipher,
  randomPersonalDataKeys,
  seedGridDemo,
  type PersonalDataKeys,
} from '@gridgov/grid-data-access';
import { AdminUnitGridsResolver } from './admin-unit/admin-unit-grids.resolver';
import { BroadcastResolver } from './broadcast/broadcast.resolver';
import { GridBoardResolver } from './board/grid-board.resolver';
import { BuildingResolver, HouseResolver } from './building/building.resolver';
import {
  AdminUnitCoverageResolver,
  CoverageResolver,
  GridCoverageResolver,
} from './register-coverage/coverage.resolver';
import { GridFactsResolver } from './facts/grid-facts.resolver';
import { createGridContext, type GridContext } from './grid-context';
import { GridBuildingsResolver } from './grid/grid-buildings.resolver';
import { GridResolver } from './grid/grid.resolver';
import { gridReferences } from './grid.reference';
import { HouseholdResolver } from './household/household.resolver';
import { ResidentImportResolver } from './import/resident-import.resolver';
import { residentImportUploadRoute } from './import/resident-import.route';
import { PersonalDataAccessResolver } from './personal-data/personal-data-access.resolver';
import {
  HouseholdMovesResolver,
  ResidenceMoveResolver,
  ResidentMovesResolver,
} from './move/residence-move.resolver';
import { ResidentResolver } from './resident/resident.resolver';
import {
  HouseholdServiceNeedsResolver,
  ResidentServiceNeedsResolver,
  ServiceNeedResolver,
} from './service-need/service-need.resolver';
import { GridTeamResolver } from './team/grid-team.resolver';
import {
  DueVisitResolver,
  HouseholdVisitsResolver,
  ResidentVisitsResolver,
  VisitResolver,
} from './visit/visit.resolver';

export interface GridImportOptions {
  /** Puts a stored import job on the import queue (grid-service: `@gridgov/grid-jobs`). */
  dispatch?: ImportJobDispatch;
  /** Largest body of `POST /uploads/resident-imports`. */
  maxUploadBytes?: number;
}

export const DEFAULT_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The grid subgraph: grids, buildings, houses, households, residents and `AdminUnit.grids`.
 * Without keys (tests, SDL printing) it encrypts with random ones that die with the process.
 * Without an import `dispatch` (tests that need no queue) a stored import runs in this process at once.
 */
export function createGridSubgraph(
  keys: PersonalDataKeys = randomPersonalDataKeys(),
  imports: GridImportOptions = {},
): SubgraphDefinition<GridContext> {
  const cipher = new PersonalDataCipher(keys);
  const dispatchOf = (base: BaseContext): ImportJobDispatch =>
    imports.dispatch ??
    (async (jobId) => {
      new ImportJobRunner(base.dataSource, cipher)
        .run(jobId, true)
        .catch((error: unknown) => base.log.error({ err: error }, 'resident import failed'));
    });
  return {
    name: 'grid',
    resolvers: [
      GridResolver,
      GridBuildingsResolver,
      AdminUnitGridsResolver,
      BuildingResolver,
      HouseResolver,
      HouseholdResolver,
      ResidentResolver,
      PersonalDataAccessResolver,
      VisitResolver,
      DueVisitResolver,
      HouseholdVisitsResolver,
      ResidentVisitsResolver,
      CoverageResolver,
      GridCoverageResolver,
      AdminUnitCoverageResolver,
      ResidentImportResolver,
      GridTeamResolver,
      GridBoardResolver,
      ServiceNeedResolver,
      HouseholdServiceNeedsResolver,
      ResidentServiceNeedsResolver,
      ResidenceMoveResolver,
      HouseholdMovesResolver,
      ResidentMovesResolver,
      BroadcastResolver,
      GridFactsResolver,
    ],
    references: gridReferences,
    database: gridDatabase,
    routes: [residentImportUploadRoute(imports.maxUploadBytes ?? DEFAULT_IMPORT_MAX_BYTES)],
    createContext: (base) => createGridContext(base, cipher, dispatchOf(base)),
    seedDemo: (dataSource, log) => seedGridDemo(dataSource, log, cipher),
  };
}
