import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface PersonalDataKeys {
  /** 32 bytes for AES-256-GCM. */
  encryptionKey: Buffer;
  /** HMAC-SHA256 key for lookup hashes; separate so a leaked hash key reveals no plaintext. */
  hashKey: Buffer;
}

/** Random keys: for tests and schema printing only, since data written with them is unreadable after a restart. */
export const randomPersonalDataKeys = (): PersonalDataKeys => ({
  encryptionKey: randomBytes(32),
  hashKey: randomBytes(32),
});

/** Encrypts with AES-256-GCM as iv(12) ‖ tag(16) ‖ ciphertext, and hashes for exact-match lookup. */
export class PersonalDataCipher {
  constructor(private readonly keys: PersonalDataKeys) {
    if (keys.encryptionKey.length !== 32)
      throw new Error('the personal-data encryption key must be 32 bytes');
    if (keys.hashKey.length < 32) throw new Error('the personal-data hash key must be at least 32 bytes');
  }

  /** `iv`: 12 fresh random bytes; bulk writers draw them in one call for many values. */
  encrypt(plain: string, iv: Buffer = randomBytes(12)): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryptionKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(plain: string): Buffer {
    return createHmac('sha256', this.keys.hashKey).update(plain).digest();
  }
}

/** `520303199001011234` → `5203**********1234`. */
export const maskIdNumber = (id: string): string =>
  `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

/** `13812345678` → `138****5678`; short numbers keep only their last 2 digits. */
export const maskPhone = (phone: string): string =>
  phone.length >= 11
    ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
    : `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
