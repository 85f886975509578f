const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases the trailing x, trims spaces. */
export const normaliseNationalId = (id: string): string => id.trim().toUpperCase();

/** Why an 18-character resident ID number is invalid, or null: shape, birth date, GB 11643 check digit. */
export function nationalIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 18 characters: 17 digits and a digit or X';
  if (!birthDateOfNationalId(id)) return 'has no valid birth date in positions 7–14';
  if (nationalIdCheckChar(id.slice(0, 17)) !== id[17]) return 'has a wrong check digit (GB 11643)';
  return null;
}

/** 'YYYY-MM-DD' from positions 7–14, or null when not a real date. */
export function birthDateOfNationalId(id: string): string | null {
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1880 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Position 17: odd for men, even for women. */
export const genderOfNationalId = (id: string): 'MALE' | 'FEMALE' =>
  Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
