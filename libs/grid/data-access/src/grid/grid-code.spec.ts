import { adminUnitCodeProblem, gridCodeProblem, GridLevel } from './grid-code';

describe('grid code validation', () => {
  it('accepts a unit grid code = community code + 001–999', () => {
    expect(adminUnitCodeProblem('520303001001', GridLevel.UNIT)).toBeUndefined();
    expect(gridCodeProblem('520303001001001', '520303001001', GridLevel.UNIT)).toBeUndefined();
    expect(gridCodeProblem('520303001001999', '520303001001', GridLevel.UNIT)).toBeUndefined();
  });

  it('rejects codes that are not 15 digits, lie under another unit, or use sequence 000 for a unit grid', () => {
    expect(gridCodeProblem('52030300100101', '520303001001', GridLevel.UNIT)).toMatch(/15 digits/);
    expect(gridCodeProblem('52030300100100a', '520303001001', GridLevel.UNIT)).toMatch(/15 digits/);
    expect(gridCodeProblem('520303001002001', '520303001001', GridLevel.UNIT)).toMatch(/start with/);
    expect(gridCodeProblem('520303001001000', '520303001001', GridLevel.UNIT)).toMatch(/001 to 999/);
  });

  it('makes levels 1–3 mirror their unit with sequence 000', () => {
    expect(adminUnitCodeProblem('520303000000', GridLevel.DISTRICT)).toBeUndefined();
    expect(adminUnitCodeProblem('520303001000', GridLevel.STREET)).toBeUndefined();
    expect(adminUnitCodeProblem('520303001001', GridLevel.COMMUNITY)).toBeUndefined();
    expect(gridCodeProblem('520303001000000', '520303001000', GridLevel.STREET)).toBeUndefined();
    expect(gridCodeProblem('520303001000001', '520303001000', GridLevel.STREET)).toMatch(/end in 000/);
  });

  it('rejects a unit of the wrong level for the grid level', () => {
    expect(adminUnitCodeProblem('520303001000', GridLevel.UNIT)).toMatch(/community/);
    expect(adminUnitCodeProblem('520303001001', GridLevel.STREET)).toMatch(/street/);
    expect(adminUnitCodeProblem('520300000000', GridLevel.DISTRICT)).toMatch(/district/);
    expect(adminUnitCodeProblem('5203030010', GridLevel.UNIT)).toMatch(/12-digit/);
  });
});
