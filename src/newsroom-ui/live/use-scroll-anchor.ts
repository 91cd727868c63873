import type { RefObject } from "preact";
import { useCallback, useEffect, useLayoutEffect, useRef } from "preact/hooks";

/** The block kept still and where it was in the viewport. */
interface ScrollAnchor {
  readonly element: Element;
  readonly top: number;
}

/** How long an anchor is held for content that settles late (photos loading in new posts). */
const settleMs = 5000;

/**
 * Posts arriving above what the user is reading would push it down. While any of the
 * screen's upper part (heading, posting box, settings) is in view, that part is the anchor:
 * someone typing a post sees new posts appear below the box. Once the user has scrolled
 * into the stream, the first post in view is: it stays where it is while newer posts are
 * added above it.
 */
function findAnchor(screen: HTMLElement): ScrollAnchor | null {
  const visible = (element: Element) => {
    const rect = element.getBoundingClientRect();
    return rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
  };
  const upper = screen.querySelectorAll(":scope > :not(.nr-live-stream, .nr-visually-hidden)");
  const posts = screen.querySelectorAll(".nr-live-posts > li");
  const element = [...upper].find(visible) ?? [...posts].find(visible);
  return element ? { element, top: element.getBoundingClientRect().top } : null;
}

/**
 * Keeps what the user is looking at still while the stream changes under them (WCAG 2.2
 * SC 3.2.5, change on request): `capture()` before a change from the events notes the
 * anchor; after the render, and while new posts' photos load and grow them, the page is
 * scrolled by however far the anchor moved. Any scroll, key or touch by the user ends it.
 * The screen sets `overflow-anchor: none`, so the browser's own scroll anchoring
 * (CSS Scroll Anchoring) does not adjust a second time.
 */
export function useScrollAnchor(
  screen: RefObject<HTMLElement | null>,
  changed: unknown,
): () => void {
  const pending = useRef<ScrollAnchor | null>(null);
  const held = useRef<{ anchor: ScrollAnchor; until: number } | null>(null);

  const restore = useCallback(() => {
    const current = held.current;
    if (!current) return;
    if (performance.now() > current.until || !current.anchor.element.isConnected) {
      held.current = null;
      return;
    }
    const moved = current.anchor.element.getBoundingClientRect().top - current.anchor.top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }, []);

  useLayoutEffect(() => {
    const anchor = pending.current;
    pending.current = null;
    if (!anchor) return;
    held.current = { anchor, until: performance.now() + settleMs };
    restore();
  }, [changed, restore]);

  // Posts that grow after rendering (a photo arriving) move what is below them.
  useEffect(() => {
    const root = screen.current;
    if (!root || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(restore);
    for (const item of root.querySelectorAll(".nr-live-posts > li")) observer.observe(item);
    return () => observer.disconnect();
  }, [screen, changed, restore]);

  useEffect(() => {
    const release = () => {
      held.current = null;
    };
    const types = ["wheel", "touchstart", "keydown", "mousedown"] as const;
    for (const type of types) addEventListener(type, release, { capture: true, passive: true });
    return () => {
      for (const type of types) removeEventListener(type, release, { capture: true });
    };
  }, []);

  return useCallback(() => {
    pending.current = screen.current ? findAnchor(screen.current) : null;
  }, [screen]);
}
