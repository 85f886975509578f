import { nationalIdCheckChar, nationalIdProblem } from './national-id';
import { maskIdNumber, maskPhone, PersonalDataCipher, randomPersonalDataKeys } from './personal-data-cipher';

describe('national ID numbers (GB 11643)', () => {
  it('accepts a valid number, including an X check character', () => {
    expect(nationalIdProblem('11010519491231002X')).toBeNull();
    expect(nationalIdCheckChar('11010519491231002')).toBe('X');
  });

  it('names what is wrong: shape, birth date, check digit', () => {
    expect(nationalIdProblem('110105194912310021')).toContain('check digit');
    expect(nationalIdProblem('1101051949123100')).toContain('18 characters');
    const feb30 = '11010519490230002';
    expect(nationalIdProblem(feb30 + nationalIdCheckChar(feb30))).toContain('birth date');
  });
});

describe('PersonalDataCipher', () => {
  it('round-trips through AES-256-GCM with a fresh IV and hashes deterministically per key', () => {
    const keys = randomPersonalDataKeys();
    const cipher = new PersonalDataCipher(keys);
    const a = cipher.encrypt('11010519491231002X');
    expect(cipher.decrypt(a)).toBe('11010519491231002X');
    expect(cipher.encrypt('11010519491231002X').equals(a)).toBe(false);
    expect(cipher.hash('x').equals(cipher.hash('x'))).toBe(true);
    expect(new PersonalDataCipher(randomPersonalDataKeys()).hash('x').equals(cipher.hash('x'))).toBe(false);
  });

  it('rejects a tampered ciphertext', () => {
    const cipher = new PersonalDataCipher(randomPersonalDataKeys());
    const sealed = cipher.encrypt('13812345678');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
  });

  it('masks ID numbers and phones as the design shows', () => {
    expect(maskIdNumber('520303195001011234')).toBe('5203**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
