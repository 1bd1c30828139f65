// The recipient's unlocked key pair, held in this tab's memory only: never in storage, never
// sent to the server. Reloading the page or signing out forgets it (docs/threat-model.md).
import { useSyncExternalStore } from 'react';
import type { RecipientKeyPair } from '../public/shared/recipient-crypto';

let unlocked: RecipientKeyPair | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Keeps the key pair unlocked for this tab. */
export function keepUnlocked(pair: RecipientKeyPair): void {
  unlocked = pair;
  notify();
}

/** Forgets the key pair, overwriting the private key's bytes. */
export function lockKey(): void {
  unlocked?.privateKey.fill(0);
  unlocked = null;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The unlocked key pair, or null while locked. */
export function useUnlockedKey(): RecipientKeyPair | null {
  return useSyncExternalStore(
    subscribe,
    () => unlocked,
    () => null,
  );
}
