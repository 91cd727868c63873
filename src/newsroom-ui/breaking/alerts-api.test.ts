import { describe, expect, it } from "vitest";
import { fakeNewsroomApi, jsonAnswer } from "../../../test/support/fake-newsroom-api.js";
import { ApiError } from "../shared/api-client.js";
import { approveAlert, isLiveIn, listAlerts, translateAlert } from "./alerts-api.js";

const alert = (faBanner: string | null) => ({
  id: "a/1",
  createdAt: "2031-06-01T10:00:00.000Z",
  createdBy: "u1",
  expiresAt: "2031-06-01T12:00:00.000Z",
  url: null,
  entries: [
    { serviceId: "en", text: "Storm closes the coast road", bannerId: "b-en" },
    { serviceId: "fa", text: "توفان جادهٔ ساحلی را بست", bannerId: faBanner },
  ],
});

// Breaking-news text goes live only by an editor of the service: the client
// knows the waiting state and asks for approval; whether text is live is the server's answer.
describe("breaking alerts API", () => {
  it("reads a translator's waiting text as awaiting-approval", async () => {
    const { api } = fakeNewsroomApi(() =>
      jsonAnswer(200, [{ ...alert(null), status: { en: "live", fa: "awaiting-approval" } }]),
    );
    const [view] = await listAlerts(api);
    expect(view?.status).toEqual({ en: "live", fa: "awaiting-approval" });
  });

  it("approves with a POST to the service's approve path, with the CSRF token and no body", async () => {
    const { api, calls } = fakeNewsroomApi(() => jsonAnswer(200, { alert: alert("b-fa") }));
    const approved = await approveAlert(api, "a/1", "fa");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url).toBe("/newsroom/api/alerts/a%2F1/services/fa/approve");
    expect(calls[0]?.headers.get("X-CSRF-Token")).toBe("csrf-1");
    expect(calls[0]?.body).toBeUndefined();
    expect(isLiveIn(approved, "fa")).toBe(true);
  });

  it("passes on the server's refusal when nothing waits", async () => {
    const { api } = fakeNewsroomApi(() =>
      jsonAnswer(409, {
        type: "about:blank",
        title: "Conflict",
        status: 409,
        code: "INVALID_TRANSITION",
        detail: "There is no translation waiting for approval in that service.",
      }),
    );
    const failure = await approveAlert(api, "a/1", "fa").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("INVALID_TRANSITION");
  });

  it("tells live text from text that waits by the banner the server gave it", async () => {
    const { api } = fakeNewsroomApi(() => jsonAnswer(200, { alert: alert(null) }));
    const saved = await translateAlert(api, "a/1", "fa", "توفان جادهٔ ساحلی را بست");
    expect(isLiveIn(saved, "fa")).toBe(false);
    expect(isLiveIn(saved, "en")).toBe(true);
    expect(isLiveIn(saved, "ha")).toBe(false);
  });
});
