import { useEffect, useState } from "preact/hooks";
import { useApp } from "../shared/app-context.js";

/** Presence heartbeat period; the server counts an editor gone after 45 s without one. */
const heartbeatMs = 15_000;

/**
 * The names of the other people editing this story, refreshed by a heartbeat every 15 s
 * while `active`. Only a change updates the list, so the live region that shows it does
 * not repeat itself.
 */
export function usePresence(storyId: string, active: boolean): readonly string[] {
  const { api, session } = useApp();
  const [others, setOthers] = useState<readonly string[]>([]);
  useEffect(() => {
    if (!active) return;
    let lastNames = "";
    const beat = () => {
      api
        .presence(storyId)
        .then((result) => {
          const names = result.others
            .filter((other) => other.userId !== session.user.id)
            .map((other) => other.displayName);
          const key = names.join("\u0000");
          if (key !== lastNames) {
            lastNames = key;
            setOthers(names);
          }
        })
        .catch(() => undefined);
    };
    beat();
    const presence = window.setInterval(beat, heartbeatMs);
    return () => window.clearInterval(presence);
  }, [active, api, storyId, session.user.id]);
  return others;
}
