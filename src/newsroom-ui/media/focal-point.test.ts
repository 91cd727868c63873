import { describe, expect, it } from "vitest";
import { capabilitiesFor, roleIn } from "../shared/permissions.js";
import { clampFraction, focalFromClick, nudgeFocal, renderedImageBox } from "./focal-point.js";
import { mediaErrorText, uploadProblem } from "./media-files.js";

describe("focal point", () => {
  const box = { left: 100, top: 50, width: 400, height: 200 };
  it("maps a click to fractions of the image", () => {
    expect(focalFromClick(200, 100, box)).toEqual({ x: 0.25, y: 0.25 });
    expect(focalFromClick(0, 1000, box)).toEqual({ x: 0, y: 1 });
    expect(focalFromClick(1, 1, { left: 0, top: 0, width: 0, height: 0 })).toEqual({
      x: 0.5,
      y: 0.5,
    });
  });
  it("finds a letterboxed picture inside its element, whatever its aspect ratio", () => {
    const element = { width: 400, height: 300 };
    // 1600×400 (4:1) drawn with object-fit: contain: 400×100, centred vertically.
    expect(renderedImageBox(element, { width: 1600, height: 400 }, "contain")).toEqual({
      left: 0,
      top: 100,
      width: 400,
      height: 100,
    });
    // 400×1600 (1:4): 75×300, centred horizontally.
    expect(renderedImageBox(element, { width: 400, height: 1600 }, "contain")).toEqual({
      left: 162.5,
      top: 0,
      width: 75,
      height: 300,
    });
    expect(renderedImageBox(element, { width: 1600, height: 400 }, "fill")).toEqual({
      left: 0,
      top: 0,
      width: 400,
      height: 300,
    });
    expect(renderedImageBox(element, { width: 0, height: 0 }, "contain").width).toBe(400);
  });
  it("moves with the arrow keys", () => {
    expect(nudgeFocal({ x: 0.5, y: 0.5 }, "ArrowRight", false)).toEqual({ x: 0.55, y: 0.5 });
    expect(nudgeFocal({ x: 0.5, y: 0.5 }, "ArrowUp", false)).toEqual({ x: 0.5, y: 0.45 });
    expect(nudgeFocal({ x: 1, y: 0.5 }, "ArrowRight", false)).toEqual({ x: 1, y: 0.5 });
    expect(nudgeFocal({ x: 0.5, y: 0.5 }, "Enter", false)).toBeNull();
    expect(clampFraction(Number.NaN)).toBe(0.5);
  });
});

describe("upload checks", () => {
  it("explains size and type problems before uploading", () => {
    expect(uploadProblem({ size: 26 * 1024 * 1024, type: "image/jpeg" })).toMatch(/limit is 25 MB/);
    expect(uploadProblem({ size: 10, type: "application/pdf" })).toMatch(
      /JPEG, PNG, WebP and AVIF/,
    );
    expect(uploadProblem({ size: 10, type: "image/avif" })).toBeNull();
    // A file the browser cannot type is left to the server, which decodes it.
    expect(uploadProblem({ size: 10, type: "" })).toBeNull();
  });
  it("turns 413 and 415 into plain sentences", () => {
    expect(mediaErrorText("MEDIA_TOO_LARGE", "The file is too large.")).toMatch(
      /^The image was refused because it is too large/,
    );
    expect(mediaErrorText("MEDIA_UNSUPPORTED", "Not an image.")).toMatch(
      /not a JPEG, PNG, WebP or AVIF image/,
    );
  });
});

describe("capabilities (a display hint; the server enforces)", () => {
  const base = { user: { id: "u", email: "e", displayName: "d", isAdmin: false }, csrfToken: "t" };
  it("reads the role per service", () => {
    const session = { ...base, grants: [{ serviceId: "fa", role: "translator" as const }] };
    expect(roleIn(session.grants, "fa")).toBe("translator");
    expect(capabilitiesFor(session, "fa")).toMatchObject({
      canWrite: true,
      canPublish: false,
      canSetBanner: false,
      canTranslate: true,
    });
    expect(capabilitiesFor(session, "en")).toMatchObject({
      role: null,
      canWrite: false,
      canPublish: false,
      canTranslate: false,
    });
    const reporter = { ...base, grants: [{ serviceId: "en", role: "reporter" as const }] };
    expect(capabilitiesFor(reporter, "en").canTranslate).toBe(false);
  });
  it("lets editors publish and administrators do everything", () => {
    const editor = { ...base, grants: [{ serviceId: "en", role: "editor" as const }] };
    expect(capabilitiesFor(editor, "en")).toMatchObject({
      canPublish: true,
      canSetBanner: true,
      canManageUsers: false,
    });
    const admin = { ...base, user: { ...base.user, isAdmin: true }, grants: [] };
    expect(capabilitiesFor(admin, "zh-Hans").canManageUsers).toBe(true);
  });
});
