/**
 * Focal points are fractions of the image's width and height (0–1), as the media schema
 * stores them; the 16:9 crop keeps that point in frame.
 */
export interface FocalPoint {
  readonly x: number;
  readonly y: number;
}

export function clampFraction(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** The point a click lands on, relative to the image's box on screen. */
export function focalFromClick(
  clientX: number,
  clientY: number,
  box: {
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
  },
): FocalPoint {
  if (box.width <= 0 || box.height <= 0) return { x: 0.5, y: 0.5 };
  return {
    x: clampFraction((clientX - box.left) / box.width),
    y: clampFraction((clientY - box.top) / box.height),
  };
}

/** Arrow keys nudge the point by 5 % (WCAG 2.2 SC 2.1.1 and 2.5.7: no pointer needed). */
export function nudgeFocal(point: FocalPoint, key: string, rtl: boolean): FocalPoint | null {
  const step = 0.05;
  const inline = rtl ? -1 : 1;
  switch (key) {
    case "ArrowLeft":
      return { x: clampFraction(point.x - step * inline), y: point.y };
    case "ArrowRight":
      return { x: clampFraction(point.x + step * inline), y: point.y };
    case "ArrowUp":
      return { x: point.x, y: clampFraction(point.y - step) };
    case "ArrowDown":
      return { x: point.x, y: clampFraction(point.y + step) };
    default:
      return null;
  }
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
