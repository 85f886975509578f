import { GridKind } from './grid-code';
import { GridSetting, sizeGuidance } from './grid-size';

describe('grid size guidance', () => {
  it('warns urban grids outside 300–500 households and rural groups outside 100–200', () => {
    expect(sizeGuidance('g', GridKind.BLOCK, 300)).toMatchObject({
      setting: GridSetting.URBAN,
      warning: null,
    });
    expect(sizeGuidance('g', GridKind.COMPOUND, 501).warning).toMatch(/above the 300–500 .* splitting/);
    expect(sizeGuidance('g', GridKind.BLOCK, 120).warning).toMatch(/below the 300–500 .* merging/);
    expect(sizeGuidance('g', GridKind.RURAL_GROUP, 120)).toMatchObject({
      setting: GridSetting.RURAL,
      warning: null,
    });
    expect(sizeGuidance('g', GridKind.RURAL_GROUP, 201).warning).toMatch(
      /above the 100–200 households for a rural grid/,
    );
  });
});
