import { describe, expect, it } from "vitest";
import { focalCrop, widthsFor } from "./image-processor.js";

describe("16:9 crops around the focal point", () => {
  it("takes the full width of a 3:2 image and centres on the focal point", () => {
    expect(focalCrop(1500, 1000, 0.5, 0.5)).toEqual({ left: 0, top: 78, width: 1500, height: 844 });
  });

  it("clamps at the edges", () => {
    expect(focalCrop(1500, 1000, 0.5, 0)).toMatchObject({ top: 0 });
    expect(focalCrop(1500, 1000, 0.5, 1)).toMatchObject({ top: 1000 - 844 });
  });

  it("takes the full width of a square image and the full height of a panorama", () => {
    expect(focalCrop(1000, 1000, 0.9, 0.5)).toEqual({
      left: 0,
      top: 219,
      width: 1000,
      height: 563,
    });
    expect(focalCrop(2000, 500, 0.1, 0.5)).toEqual({ left: 0, top: 0, width: 889, height: 500 });
    expect(focalCrop(2000, 500, 0.9, 0.5)).toEqual({
      left: 2000 - 889,
      top: 0,
      width: 889,
      height: 500,
    });
  });

  it("never upscales", () => {
    expect(widthsFor(1000, [320, 640, 960, 1280])).toEqual([320, 640, 960]);
    expect(widthsFor(200, [320, 640])).toEqual([200]);
  });
});
