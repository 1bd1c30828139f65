import argon2 from 'argon2';

/**
 * argon2id parameters: OWASP's password storage recommendation
 * (m = 19 MiB, t = 2, p = 1), about 20–40 ms per hash on a server core.
 */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hash a password with argon2id (salted, parameters encoded in the result). */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFKC'), options);
}

/** True if `password` matches `hash`; false for a malformed hash rather than throwing. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the time of one verification against a throwaway hash, so an unknown
 * username takes as long to refuse as a wrong password.
 */
export async function verifyDummyPassword(password: string): Promise<void> {
  dummyHash ??= hashPassword('probity-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
