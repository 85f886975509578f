import { GridEntity } from './grid/grid.entity';
import { BuildingEntity } from './household/building.entity';
import { HouseEntity } from './household/house.entity';
import { HouseholdEntity } from './household/household.entity';
import { ImportFileEntity, ImportJobEntity } from './import/import-job.entity';
import { ResidentEntity } from './household/resident.entity';
import { TagEntity } from './household/tag.entity';
import { GridInitial1764100000000 } from './migrations/1764100000000-grid-initial';
import { GridHouseholds1764200000000 } from './migrations/1764200000000-grid-households';
import { GridVisits1764300000000 } from './migrations/1764300000000-grid-visits';
import { GridImportJobs1765500000000 } from './migrations/1765500000000-grid-import-jobs';
import { GridTeams1765500100000 } from './migrations/1765500100000-grid-teams';
import { GridServiceNeedsAndMoves1765500200000 } from './migrations/1765500200000-grid-service-needs-and-moves';
import { ResidenceMoveEntity } from './move/residence-move.entity';
import { ServiceNeedEntity } from './service-need/service-need.entity';
import { GridTeamMemberEntity } from './team/grid-team-member.entity';
import { PersonalDataAccessEntity } from './personal-data/personal-data-access.entity';
import { VisitEntity } from './visit/visit.entity';
import { BroadcastDeliveryEntity, BroadcastEntity } from './reminders/broadcast.entity';
import { GridBroadcasts1765200000000 } from './migrations/1765200000000-grid-broadcasts';
import { GridImportFiles1766000000000 } from './migrations/1766000000000-grid-import-files';

export { seedGridDemo } from './demo/grid-demo.seed';
export { type GridBoundary, squareBoundary } from './grid/grid-boundary';
export { CoverageService, unitCodePrefix, type Coverage } from './register-coverage/coverage.service';
export { GridKind, GridLevel } from './grid/grid-code';
export { GridSetting, sizeGuidance, type GridSizeGuidance } from './grid/grid-size';
export { GridEntity } from './grid/grid.entity';
export { GridService, type CreateGridInput, type GridFilter } from './grid/grid.service';
export { BuildingEntity } from './household/building.entity';
export {
  BuildingService,
  type CreateBuildingInput,
  type CreateHouseInput,
} from './household/building.service';
export { HouseEntity } from './household/house.entity';
export {
  BuildingKind,
  Gender,
  HouseholdKind,
  HouseUse,
  Population,
  RelationToHead,
} from './household/household-enums';
export { HouseholdEntity } from './household/household.entity';
export { HouseholdService, type CreateHouseholdInput } from './household/household.service';
export { ResidentEntity } from './household/resident.entity';
export { ResidentService, type CreateResidentInput } from './household/resident.service';
export { TagEntity } from './household/tag.entity';
export { ImportFileEntity, ImportFormat, ImportJobEntity, ImportJobStatus } from './import/import-job.entity';
export { ImportJobRunner } from './import/import-job.runner';
export { type ImportJobDispatch, ImportJobService } from './import/import-job.service';
export {
  RESIDENT_IMPORT_COLUMNS,
  ResidentImportService,
  type ImportProblem,
  type ImportProgress,
  type ImportReport,
} from './import/resident-import.service';
export { registerCsv, type RegisterRow } from './import/register-csv';
export { nationalIdCheckChar, nationalIdProblem } from './personal-data/national-id';
export { PersonalDataAccessEntity } from './personal-data/personal-data-access.entity';
export {
  maskIdNumber,
  maskPhone,
  PersonalDataCipher,
  randomPersonalDataKeys,
  type PersonalDataKeys,
} from './personal-data/personal-data-cipher';
export {
  PersonalDataField,
  PersonalDataService,
  type PersonalDataRead,
} from './personal-data/personal-data.service';
export { GridBoardService, type GridBoard } from './team/grid-board.service';
export { GridTeamMemberEntity, HelperKind, TeamRole } from './team/grid-team-member.entity';
export {
  chinaToday,
  isDate,
  teamOn,
  GridTeamService,
  type AppointTeamMemberInput,
  type GridTeam,
} from './team/grid-team.service';
export { ResidenceMoveEntity } from './move/residence-move.entity';
export {
  ResidenceMoveService,
  type MoveHouseholdInput,
  type MoveResidentInput,
} from './move/residence-move.service';
export {
  ServiceNeedCategory,
  ServiceNeedEntity,
  ServiceNeedStatus,
} from './service-need/service-need.entity';
export { ServiceNeedService, type RecordServiceNeedInput } from './service-need/service-need.service';
export { VisitEntity, type TrackPoint } from './visit/visit.entity';
export { VisitService, type DueVisit, type LogVisitInput } from './visit/visit.service';
export { BroadcastDeliveryEntity, BroadcastEntity, BroadcastStatus } from './reminders/broadcast.entity';
export {
  type BroadcastNoticeInput,
  type BroadcastRecipient,
  BroadcastService,
} from './reminders/broadcast.service';

/** The grid schema: every table grid-service owns, and its migrations in order. */
export const gridDatabase = {
  schema: 'grid',
  entities: [
    GridEntity,
    BuildingEntity,
    HouseEntity,
    HouseholdEntity,
    ResidentEntity,
    TagEntity,
    PersonalDataAccessEntity,
    VisitEntity,
    ImportJobEntity,
    ImportFileEntity,
    GridTeamMemberEntity,
    ServiceNeedEntity,
    ResidenceMoveEntity,
    BroadcastEntity,
    BroadcastDeliveryEntity,
  ],
  migrations: [
    GridInitial1764100000000,
    GridHouseholds1764200000000,
    GridVisits1764300000000,
    GridBroadcasts1765200000000,
    GridImportJobs1765500000000,
    GridTeams1765500100000,
    GridServiceNeedsAndMoves1765500200000,
    GridImportFiles1766000000000,
  ],
};
