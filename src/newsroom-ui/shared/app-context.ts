import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ApiClient } from "./api-client.js";
import type { ServiceInfo, Session } from "./api-schemas.js";

/** What every screen needs: the API, who is signed in, their services, and navigation. */
export interface AppState {
  readonly api: ApiClient;
  readonly session: Session;
  readonly services: readonly ServiceInfo[];
  readonly navigate: (href: string) => void;
  /** Called after logout: back to the login screen. */
  readonly signedOut: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useApp() outside <AppContext.Provider>");
  return state;
}
