import type { OutboundRequests } from "../domain/outbound-requests.js";
import type { WireSourceLocations } from "../domain/wire/wire-source-service.js";
import type { DropRoots } from "./drop-directory.js";
import { checkPullUrl } from "./http-pull.js";

/** Where sources may point: inside the drop roots, or at public addresses. */
export function wireSourceLocations(
  dropRoots: DropRoots,
  outbound: OutboundRequests,
): WireSourceLocations {
  return {
    checkDropDirectory: async (directory) => {
      await dropRoots.resolve(directory);
    },
    checkPullUrl: (url) => checkPullUrl(outbound, url),
  };
}
