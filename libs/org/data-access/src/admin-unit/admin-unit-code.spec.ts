import { AdminUnitLevel, levelOfCode, significantPrefix } from './admin-unit-code';

describe('administrative unit codes', () => {
  it.each([
    ['520000000000', AdminUnitLevel.PROVINCE, '52'],
    ['520300000000', AdminUnitLevel.CITY, '5203'],
    ['520303000000', AdminUnitLevel.DISTRICT, '520303'],
    ['520303001000', AdminUnitLevel.STREET, '520303001'],
    ['520303001001', AdminUnitLevel.COMMUNITY, '520303001001'],
    ['441900003000', AdminUnitLevel.STREET, '441900003'],
  ])('%s is a %s with significant prefix %s', (code, level, prefix) => {
    expect(levelOfCode(code)).toBe(level);
    expect(significantPrefix(code)).toBe(prefix);
  });

  // 441900003000 (a town directly under Dongguan, no county level) is valid: zero middle segments are allowed.
  it.each(['52030300100', '5203030010011', '52030300100a', '000000000000'])('rejects %s', (code) => {
    expect(levelOfCode(code)).toBeUndefined();
  });
});
