import { generateSecret, generateURI, verify } from 'otplib';

/** A fresh Base32 TOTP secret (20 random bytes, as authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` URI an authenticator app scans (as a QR code) or imports. */
export function totpUri(issuer: string, username: string, secret: string): string {
  return generateURI({ issuer, label: username, secret });
}

/**
 * Check a 6-digit TOTP code, allowing one 30-second step of clock drift either
 * way, and refusing any step at or before `lastTimeStep` (codes are single-use).
 * Returns the accepted time step, to be stored as the new `lastTimeStep`, or null.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastTimeStep: number,
  epochSeconds?: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      afterTimeStep: lastTimeStep,
      ...(epochSeconds === undefined ? {} : { epoch: epochSeconds }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
