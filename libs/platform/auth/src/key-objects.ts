import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';

// Every request signs or verifies several tokens; parsing a key string costs more than the signature
// (and jsonwebtoken, given a string secret, first tries it as a PEM and catches the failure). So each
// key string is turned into a KeyObject once per process.
const cache = new Map<string, KeyObject>();

function cached(kind: string, key: string, make: () => KeyObject): KeyObject {
  const id = `${kind}:${key}`;
  let object = cache.get(id);
  if (!object) cache.set(id, (object = make()));
  return object;
}

export const privateKeyOf = (pem: string) => cached('private', pem, () => createPrivateKey(pem));
export const publicKeyOf = (pem: string) => cached('public', pem, () => createPublicKey(pem));
export const secretKeyOf = (secret: string) => cached('secret', secret, () => createSecretKey(Buffer.from(secret)));
