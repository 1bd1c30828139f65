import { ServerError } from '../errors.js';
import { commonPasswords } from './common-passwords.js';

/** Shortest password accepted (NIST SP 800-63B-4 §3.1.1.2: at least 8, 15 recommended without MFA; we use 12 with mandatory TOTP). */
export const minPasswordLength = 12;
/** Longest password accepted (NIST asks to allow at least 64). */
export const maxPasswordLength = 128;

const common = new Set(commonPasswords);

// Keyboard rows and the digit row, for "qwertyuiopas"-style walks.
const walks = ['qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn', '12345678901234567890'];

const leet: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
};

function reject(code: string, message: string): ServerError {
  return new ServerError(code, 400, message);
}

function stem(text: string): string {
  return text.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
}

function isCommon(lower: string): boolean {
  const compact = lower.replace(/\s+/g, '');
  const unleet = [...compact].map((char) => leet[char] ?? char).join('');
  return [lower, compact, stem(compact), unleet, stem(unleet)].some(
    (candidate) => candidate.length > 0 && common.has(candidate),
  );
}

function isPredictable(lower: string): boolean {
  const compact = lower.replace(/\s+/g, '');
  if (/^(.{1,6})\1+$/u.test(compact)) return true;
  const codes = [...compact].map((char) => char.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((code, index) => code - (codes[index] ?? 0));
  const isDigits = /^\d+$/.test(compact);
  const sequential = (direction: 1 | -1) =>
    steps.every((step) => step === direction || (isDigits && step === -9 * direction));
  if (steps.length > 0 && (sequential(1) || sequential(-1))) return true;
  return walks.some((walk) => {
    const reversed = [...walk].reverse().join('');
    return walk.includes(compact) || reversed.includes(compact);
  });
}

/**
 * Check a new password against NIST SP 800-63B: length 12–128 characters
 * (Unicode code points after NFKC, spaces allowed), not a common or breached
 * password or a trivial variant of one, not repetitive or sequential, not
 * containing the username. No composition rules, no expiry. Throws a
 * {@link ServerError} with a stable code naming the rule broken.
 */
export function checkPasswordPolicy(password: string, context: { username: string }): void {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  if (length < minPasswordLength) {
    throw reject(
      'PASSWORD_TOO_SHORT',
      `Use at least ${minPasswordLength} characters; a few unrelated words make a good password.`,
    );
  }
  if (length > maxPasswordLength) {
    throw reject('PASSWORD_TOO_LONG', `Use at most ${maxPasswordLength} characters.`);
  }
  const lower = normalised.toLowerCase();
  if (isCommon(lower)) {
    throw reject(
      'PASSWORD_COMMON',
      'This password appears in lists of common or breached passwords.',
    );
  }
  if (isPredictable(lower)) {
    throw reject(
      'PASSWORD_PREDICTABLE',
      'This password is a repetition or a sequence; choose another.',
    );
  }
  const username = context.username.toLowerCase();
  if (username.length >= 3 && lower.includes(username)) {
    throw reject('PASSWORD_CONTAINS_USERNAME', 'The password must not contain the username.');
  }
}
