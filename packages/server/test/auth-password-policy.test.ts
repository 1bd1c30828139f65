import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../src/auth/password-policy.js';

function codeOf(password: string, username = 'mbeki'): string | null {
  try {
    checkPasswordPolicy(password, { username });
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('password policy (NIST SP 800-63B)', () => {
  it('accepts long passphrases without any composition rule', () => {
    expect(codeOf('river stone lantern quietly')).toBeNull();
    expect(codeOf('allofthemlowercasebutlong')).toBeNull();
    expect(codeOf('Ünïcödé façade çà et là')).toBeNull();
  });

  it('counts characters, not bytes: 12 accented letters are enough, 11 are not', () => {
    expect(codeOf('éèêëéèêëéèêx')).toBeNull();
    expect(codeOf('éèêëéèêëéèê')).toBe('PASSWORD_TOO_SHORT');
  });

  it('refuses passwords shorter than 12 or longer than 128 characters', () => {
    expect(codeOf('short pass')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('x'.repeat(64) + 'y'.repeat(65))).toBe('PASSWORD_TOO_LONG');
  });

  it('refuses common passwords and their decorated variants', () => {
    expect(codeOf('password1234')).toBe('PASSWORD_COMMON');
    expect(codeOf('Password2024!')).toBe('PASSWORD_COMMON');
    expect(codeOf('P@ssw0rd12345')).toBe('PASSWORD_COMMON');
    expect(codeOf('!!Iloveyou2026')).toBe('PASSWORD_COMMON');
    expect(codeOf('qwertyuiop123')).toBe('PASSWORD_COMMON');
    expect(codeOf('correct horse battery staple')).toBe('PASSWORD_COMMON');
  });

  it('refuses repetitions, sequences and keyboard walks', () => {
    expect(codeOf('xyzqxyzqxyzq')).toBe('PASSWORD_PREDICTABLE');
    expect(codeOf('zzzzzzzzzzzzzz')).toBe('PASSWORD_PREDICTABLE');
    expect(codeOf('123456789012')).toBe('PASSWORD_PREDICTABLE');
    expect(codeOf('abcdefghijklm')).toBe('PASSWORD_PREDICTABLE');
    expect(codeOf('asdfghjklzxcv')).toBe('PASSWORD_PREDICTABLE');
  });

  it('refuses a password containing the username', () => {
    expect(codeOf('my name is Mbeki and more', 'mbeki')).toBe('PASSWORD_CONTAINS_USERNAME');
  });
});
