import { describe, expect, it } from "vitest";
import { NewsroomEvents } from "./events.js";

describe("newsroom live events", () => {
  it("tells only the notified person's streams, here and through the relay", () => {
    const relayed: unknown[] = [];
    const events = new NewsroomEvents({
      findItem: async () => undefined,
      relay: (event, data) => relayed.push({ event, data }),
    });
    const heard: string[] = [];
    events.subscribe((event) => heard.push(`rafael:${event}`), "rafael");
    events.subscribe((event) => heard.push(`elif:${event}`), "elif");
    events.subscribe((event) => heard.push(`token:${event}`), null);

    events.notify(["rafael", "rafael"]);
    expect(heard).toEqual(["rafael:notification"]);
    expect(relayed).toEqual([{ event: "notification", data: { userIds: ["rafael"] } }]);

    // Another instance's notification reaches this instance's streams of that person only.
    events.deliver("notification", { userIds: ["elif"] });
    expect(heard).toEqual(["rafael:notification", "elif:notification"]);
  });

  it("ends a stream registered after close() (a drain) at once, with the same hint", () => {
    const events = new NewsroomEvents({ findItem: async () => undefined });
    const ended: string[] = [];
    const forgetEarly = events.onShutdown((retryMs) => ended.push(`early:${retryMs}`));
    events.close(1000);
    events.onShutdown((retryMs) => ended.push(`late:${retryMs}`));
    expect(ended).toEqual(["early:1000", "late:1000"]);
    forgetEarly();
  });
});
