import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import {
  type BuildingEntity,
  CoverageService,
  GridBoardService,
  type GridTeamMemberEntity,
  GridTeamService,
  type ResidenceMoveEntity,
  ResidenceMoveService,
  type ServiceNeedEntity,
  ServiceNeedService,
  BuildingService,
  type GridEntity,
  GridService,
  type HouseEntity,
  type HouseholdEntity,
  HouseholdService,
  type ImportJobDispatch,
  ImportJobService,
  type PersonalDataCipher,
  type PersonalDataRead,
  PersonalDataService,
  type ResidentEntity,
  ResidentImportService,
  ResidentService,
  type VisitEntity,
  VisitService,
} from '@gridgov/grid-data-access';

export interface GridContext extends BaseContext {
  grids: GridService;
  buildings: BuildingService;
  households: HouseholdService;
  residents: ResidentService;
  personalData: PersonalDataService;
  visits: VisitService;
  coverage: CoverageService;
  residentImport: ResidentImportService;
  importJobs: ImportJobService;
  teams: GridTeamService;
  gridBoards: GridBoardService;
  serviceNeeds: ServiceNeedService;
  moves: ResidenceMoveService;
  /** Per-request, batched; by-id loaders return null for rows the caller may not read. */
  loaders: {
    gridById: DataLoader<string, GridEntity | null>;
    gridByCode: DataLoader<string, GridEntity | null>;
    /** Readable siblings overlapping each grid, keyed by the grid (cached by id): one query per list. */
    overlappingSiblings: DataLoader<GridEntity, GridEntity[], string>;
    /** Every period of service of a grid's team, by grid id. */
    teamByGrid: DataLoader<string, GridTeamMemberEntity[]>;
    householdCountByGridCode: DataLoader<string, number>;
    serviceNeedsByHousehold: DataLoader<string, ServiceNeedEntity[]>;
    serviceNeedsByResident: DataLoader<string, ServiceNeedEntity[]>;
    movesByHousehold: DataLoader<string, ResidenceMoveEntity[]>;
    movesByResident: DataLoader<string, ResidenceMoveEntity[]>;
    buildingById: DataLoader<string, BuildingEntity | null>;
    houseById: DataLoader<string, HouseEntity | null>;
    housesByBuilding: DataLoader<string, HouseEntity[]>;
    householdById: DataLoader<string, HouseholdEntity | null>;
    householdsByHouse: DataLoader<string, HouseholdEntity[]>;
    residentById: DataLoader<string, ResidentEntity | null>;
    membersByHousehold: DataLoader<string, ResidentEntity[]>;
    visitsByHousehold: DataLoader<string, VisitEntity[]>;
    visitsByResident: DataLoader<string, VisitEntity[]>;
    /** Clear reads of personal data, written to the access log in one insert per tick. */
    personalDataReads: DataLoader<PersonalDataRead, void, string>;
  };
}

export function createGridContext(
  base: BaseContext,
  cipher: PersonalDataCipher,
  dispatchImport: ImportJobDispatch,
): GridContext {
  const grids = new GridService(base.dataSource, base.auth);
  const buildings = new BuildingService(base.dataSource, base.auth);
  const households = new HouseholdService(base.dataSource, base.auth);
  const residents = new ResidentService(base.dataSource, base.auth, cipher);
  const personalData = new PersonalDataService(base.dataSource, base.auth, cipher);
  const visits = new VisitService(base.dataSource, base.auth);
  const residentImport = new ResidentImportService(base.dataSource, base.auth, cipher);
  const teams = new GridTeamService(base.dataSource, base.auth);
  const coverage = new CoverageService(base.dataSource, base.auth);
  const serviceNeeds = new ServiceNeedService(base.dataSource, base.auth);
  const moves = new ResidenceMoveService(base.dataSource, base.auth);
  return {
    ...base,
    grids,
    buildings,
    households,
    residents,
    personalData,
    visits,
    coverage,
    residentImport,
    teams,
    gridBoards: new GridBoardService(base.dataSource),
    serviceNeeds,
    moves,
    importJobs: new ImportJobService(base.dataSource, base.auth, dispatchImport),
    loaders: {
      gridById: new DataLoader((ids) => grids.findVisibleByIds(ids)),
      gridByCode: new DataLoader((codes) => grids.findVisibleByCodes(codes)),
      overlappingSiblings: new DataLoader((of) => grids.overlappingSiblingsOf(of), {
        cacheKeyFn: (g) => g.id,
      }),
      teamByGrid: new DataLoader((ids) => teams.membersOfGrids(ids)),
      householdCountByGridCode: new DataLoader((codes) => coverage.householdCounts(codes)),
      serviceNeedsByHousehold: new DataLoader((ids) => serviceNeeds.ofSubjects('householdId', ids)),
      serviceNeedsByResident: new DataLoader((ids) => serviceNeeds.ofSubjects('residentId', ids)),
      movesByHousehold: new DataLoader((ids) => moves.ofSubjects('householdId', ids)),
      movesByResident: new DataLoader((ids) => moves.ofSubjects('residentId', ids)),
      buildingById: new DataLoader((ids) => buildings.findVisibleByIds(ids)),
      houseById: new DataLoader((ids) => buildings.findVisibleHousesByIds(ids)),
      housesByBuilding: new DataLoader((ids) => buildings.housesOfBuildings(ids)),
      householdById: new DataLoader((ids) => households.findVisibleByIds(ids)),
      householdsByHouse: new DataLoader((ids) => households.householdsOfHouses(ids)),
      residentById: new DataLoader((ids) => residents.findVisibleByIds(ids)),
      membersByHousehold: new DataLoader((ids) => residents.membersOfHouseholds(ids)),
      visitsByHousehold: new DataLoader((ids) => visits.recentOf('householdId', ids)),
      visitsByResident: new DataLoader((ids) => visits.recentOf('residentId', ids)),
      personalDataReads: new DataLoader(
        async (reads) => {
          await personalData.record(reads);
          return reads.map(() => undefined);
        },
        { cacheKeyFn: (r) => `${r.resident.id}|${r.field}|${r.reason ?? ''}` },
      ),
    },
  };
}
