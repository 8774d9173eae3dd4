import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, forgetAntiforgeryToken, whenSessionEnds } from "../api/client";
import { ApiError } from "../api/problem";
import type { Me } from "../api/types";

interface Auth {
  /** The signed-in user; null when nobody is; undefined while the app is finding out. */
  me: Me | null | undefined;
  /** The session ended while the user was working: the page stays, and asks them to sign in again. */
  sessionEnded: boolean;
  /** After signing in again in another tab: carry on where they were, if it is the same person. */
  resume(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [sessionEnded, setSessionEnded] = useState(false);

  useEffect(() => {
    whenSessionEnds(() => setSessionEnded(true));
    api.get<Me>("/api/auth/me").then(setMe, () => setMe(null));
  }, []);

  const resume = useCallback(async () => {
    const current = await api.get<Me>("/api/auth/me");
    setMe(current);
    setSessionEnded(false);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    forgetAntiforgeryToken();
    setMe(await api.post<Me>("/api/auth/sign-in", { email, password }));
    setSessionEnded(false);
  }, []);

  // Only a sign-out the server confirmed (or a session already gone) shows the user signed out: on a shared
  // computer, a failed request must not look like one.
  const signOut = useCallback(async () => {
    try {
      await api.post("/api/auth/sign-out");
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    forgetAntiforgeryToken();
    setSessionEnded(false);
    setMe(null);
  }, []);

  return <AuthContext.Provider value={{ me, sessionEnded, resume, signIn, signOut }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

/** The signed-in user, for pages that are only shown to one. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error("useMe on a page shown without a signed-in user");
  return me;
}

export const roles = {
  isDesigner: (me: Me) => me.roles.includes("designer") || me.roles.includes("admin"),
  isCouncil: (me: Me) => me.roles.some((r) => r === "la-officer" || r === "la-manager" || r === "assessor"),
  isManager: (me: Me) => me.roles.some((r) => r === "la-manager" || r === "tmo-committee" || r === "admin"),
  isTmo: (me: Me) => me.roles.some((r) => r === "tmo-member" || r === "tmo-committee"),
  /** People who act on tasks: the council's officers and the assessor, and the TMO's committee (its members only follow). */
  hasTasks: (me: Me) => me.roles.some((r) => r === "la-officer" || r === "la-manager" || r === "assessor" || r === "tmo-committee"),
};

/** Where a user lands after signing in: the page of their main job. */
export function homeFor(me: Me): string {
  if (roles.isCouncil(me)) return "/tasks";
  if (roles.isTmo(me)) return "/cases";
  if (roles.isDesigner(me)) return "/studio";
  return "/cases";
}
