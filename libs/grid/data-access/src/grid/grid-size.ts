import { GridKind } from './grid-code';

export enum GridSetting {
  URBAN = 'URBAN',
  RURAL = 'RURAL',
}

/** Households a unit grid should hold: urban 300–500, rural (村民组) 100–200. */
const HOUSEHOLD_GUIDANCE: Record<GridSetting, { min: number; max: number }> = {
  [GridSetting.URBAN]: { min: 300, max: 500 },
  [GridSetting.RURAL]: { min: 100, max: 200 },
};

export interface GridSizeGuidance {
  gridCode: string;
  setting: GridSetting;
  minHouseholds: number;
  maxHouseholds: number;
  households: number;
  /** Why the grid should be split or merged; null within the guidance. */
  warning: string | null;
}

export function sizeGuidance(gridCode: string, kind: GridKind | null, households: number): GridSizeGuidance {
  const setting = kind === GridKind.RURAL_GROUP ? GridSetting.RURAL : GridSetting.URBAN;
  const { min, max } = HOUSEHOLD_GUIDANCE[setting];
  const range = `${min}–${max} households for ${setting === GridSetting.URBAN ? 'an urban' : 'a rural'} grid`;
  const warning =
    households < min
      ? `${households} households, below the ${range}: consider merging it with a neighbour`
      : households > max
        ? `${households} households, above the ${range}: consider splitting it`
        : null;
  return { gridCode, setting, minHouseholds: min, maxHouseholds: max, households, warning };
}
