import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/http';
import type { SessionResponse, SessionUser } from '../api/auth-types';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  /** Reads the session from the server (after a login step). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue>({
  state: { status: 'loading' },
  refresh: async () => undefined,
  logout: async () => undefined,
});

/** Holds who is logged in and the CSRF token; a 401 from any call sends back to login. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      // 401 when nobody is signed in.
      const session = await api<SessionResponse>('/api/auth/session');
      setCsrfToken(session.csrfToken);
      setState({ status: 'authenticated', user: session.user });
    } catch {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', body: {} });
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: true });
    });
    void refresh();
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh, logout }), [state, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: its state, refresh and logout. */
export function useSession() {
  return useContext(SessionContext);
}

/** The logged-in user (only inside the authenticated part of the app). */
export function useUser(): SessionUser {
  const { state } = useContext(SessionContext);
  if (state.status !== 'authenticated') throw new Error('useUser outside an authenticated page');
  return state.user;
}
