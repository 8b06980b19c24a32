import { randomBytes, randomInt } from 'node:crypto';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random URL-safe id of `length` characters (32 symbols: 5 bits each). */
export function newId(length = 12): string {
  const bytes = randomBytes(length);
  let id = '';
  for (let i = 0; i < length; i++) id += alphabet[bytes[i]! & 31];
  return id;
}

/** Uniform numbers in [0, 1) from the system's secure generator. */
export function secureRandom(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}
