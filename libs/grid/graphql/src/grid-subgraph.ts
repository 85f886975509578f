import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import {
  gridDatabase,
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

/**
 * The grid subgraph: grids, buildings, houses, households, residents and `AdminUnit.grids`.
 * Without keys (tests, SDL printing) it encrypts with random ones that die with the process.
 */
export function createGridSubgraph(
  keys: PersonalDataKeys = randomPersonalDataKeys(),
): SubgraphDefinition<GridContext> {
  const cipher = new PersonalDataCipher(keys);
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
    createContext: (base) => createGridContext(base, cipher),
    seedDemo: (dataSource, log) => seedGridDemo(dataSource, log, cipher),
  };
}
