import { describe, expect, it } from "vitest";
import { auditActions } from "../../domain/audit/audit-actions.js";
import { en } from "../i18n/en.js";
import { fa } from "../i18n/fa.js";
import { auditActionKey } from "./audit-labels.js";

describe("audit action labels", () => {
  it("names every action the audit log records, in English and Persian", () => {
    for (const action of auditActions) {
      const key = auditActionKey(action);
      expect(key, action).toBe(`audit.${action}`);
      if (key === null) continue;
      expect(en[key], action).toBeTruthy();
      expect(fa[key], action).toBeTruthy();
    }
  });

  it("leaves an unknown code unnamed", () => {
    expect(auditActionKey("story.teleported")).toBeNull();
  });
});
