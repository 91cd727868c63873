import type { LiveStatus } from "../../domain/live/live-schema.js";
import type { MessageKey } from "../../i18n/messages/en.js";
import type { RenderContext } from "./render-context.js";

const statusKeys: Record<LiveStatus, MessageKey> = {
  live: "live.status.live",
  upcoming: "live.status.upcoming",
  ended: "live.status.ended",
};

/** LIVE, Upcoming or Ended, as a live page and its teasers show it. */
export function LiveBadge({ ctx, status }: { ctx: RenderContext; status: LiveStatus }) {
  return (
    <span class={status === "live" ? "live-badge is-live" : "live-badge"}>
      {ctx.t.t(statusKeys[status])}
    </span>
  );
}
