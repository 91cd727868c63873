import { describe, expect, it } from "vitest";
import { auditQuery } from "./audit-api.js";

describe("the audit-log query", () => {
  it("sends calendar days as the user's midnights, the end day included", () => {
    const query = auditQuery({
      userId: "u_1",
      action: "story.published",
      serviceId: "fa",
      from: "2031-05-01",
      to: "2031-05-31",
      page: 3,
    });
    expect(query).toMatchObject({
      userId: "u_1",
      action: "story.published",
      serviceId: "fa",
      page: "3",
      pageSize: "50",
    });
    expect(query.from).toBe(new Date(2031, 4, 1).toISOString());
    // `to` is exclusive on the server: the start of the day after the last one shown.
    expect(query.to).toBe(new Date(2031, 5, 1).toISOString());
  });

  it("leaves out filters that are not set", () => {
    const query = auditQuery({
      userId: null,
      action: null,
      serviceId: null,
      from: null,
      to: null,
      page: 1,
    });
    expect(Object.entries(query).filter(([, v]) => v !== undefined)).toEqual([
      ["page", "1"],
      ["pageSize", "50"],
    ]);
  });
});
