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

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where the picture itself is drawn inside an <img> element's box: with `object-fit:
 * contain` (or `scale-down`) a wide or tall image is letterboxed and centred, with `cover`
 * it overflows, with `fill` (the default) it fills the box. Offsets are from the element's
 * top-left corner; the focal marker and clicks are placed against this box, not the element.
 */
export function renderedImageBox(
  element: { readonly width: number; readonly height: number },
  natural: { readonly width: number; readonly height: number },
  objectFit: string,
): Box {
  const whole = { left: 0, top: 0, width: element.width, height: element.height };
  if (natural.width <= 0 || natural.height <= 0 || element.width <= 0 || element.height <= 0) {
    return whole;
  }
  const widthScale = element.width / natural.width;
  const heightScale = element.height / natural.height;
  let scale: number;
  if (objectFit === "contain") scale = Math.min(widthScale, heightScale);
  else if (objectFit === "cover") scale = Math.max(widthScale, heightScale);
  else if (objectFit === "scale-down") scale = Math.min(1, widthScale, heightScale);
  else if (objectFit === "none") scale = 1;
  else return whole;
  const width = natural.width * scale;
  const height = natural.height * scale;
  return {
    left: (element.width - width) / 2,
    top: (element.height - height) / 2,
    width,
    height,
  };
}
