import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import {
  type Box,
  clampFraction,
  type FocalPoint,
  focalFromClick,
  nudgeFocal,
  renderedImageBox,
} from "./focal-point.js";

/** The picture's drawn box inside the image element, and the element's offset in the button. */
interface Placement {
  readonly offsetLeft: number;
  readonly offsetTop: number;
  readonly picture: Box;
}

function placementOf(img: HTMLImageElement): Placement {
  const style = getComputedStyle(img);
  // The content box: borders and padding are not part of the picture.
  const padLeft = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.borderLeftWidth);
  const padTop = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.borderTopWidth);
  const width =
    img.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  const height =
    img.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
  return {
    offsetLeft: img.offsetLeft + padLeft,
    offsetTop: img.offsetTop + padTop,
    picture: renderedImageBox(
      { width, height },
      { width: img.naturalWidth, height: img.naturalHeight },
      style.objectFit,
    ),
  };
}

/**
 * Pick the focal point by clicking on the image, with the arrow keys, or by typing
 * percentages (WCAG 2.2 SC 2.1.1 keyboard and SC 2.5.7: no dragging needed).
 * The marker is placed with physical `left`/`top` on purpose: it addresses pixels of the
 * image, which do not flip in right-to-left text. It is placed on the picture as drawn
 * (measured, with `object-fit` letterboxing), so wide and tall images put it on the photo.
 */
export function FocalPointPicker(props: {
  readonly src: string;
  readonly value: FocalPoint;
  /**
   * Given the new point, or (for one coordinate typed in) how to make it from the current one:
   * a useState setter. Two fields changed before a render would otherwise each send the
   * other's old value, and the first change would be lost.
   */
  readonly onChange: (point: FocalPoint | ((current: FocalPoint) => FocalPoint)) => void;
}) {
  const id = useId();
  const { t } = useUiText();
  const { value, onChange } = props;
  const imgRef = useRef<HTMLImageElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const measure = useCallback(() => {
    const img = imgRef.current;
    if (img?.complete && img.naturalWidth > 0) setPlacement(placementOf(img));
  }, []);
  useEffect(() => {
    const img = imgRef.current;
    if (!img) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(img);
    return () => observer.disconnect();
  }, [measure]);
  return (
    <fieldset class="nr-focal">
      <legend>{t("focal.legend")}</legend>
      <button
        type="button"
        class="nr-focal-image"
        aria-describedby={`${id}-help`}
        onClick={(event) => {
          const img = imgRef.current;
          if (!img) return;
          // A keyboard "click" has no pointer position (detail 0): keep the current point.
          if (event.detail === 0) return;
          const { offsetLeft, offsetTop, picture } = placementOf(img);
          const rect = img.getBoundingClientRect();
          onChange(
            focalFromClick(event.clientX, event.clientY, {
              left: rect.left + (offsetLeft - img.offsetLeft) + picture.left,
              top: rect.top + (offsetTop - img.offsetTop) + picture.top,
              width: picture.width,
              height: picture.height,
            }),
          );
        }}
        onKeyDown={(event) => {
          const next = nudgeFocal(value, event.key, false);
          if (next) {
            event.preventDefault();
            onChange(next);
          }
        }}
      >
        <img ref={imgRef} src={props.src} alt="" onLoad={measure} />
        {placement ? (
          <span
            class="nr-focal-marker"
            aria-hidden="true"
            style={{
              left: `${placement.offsetLeft + placement.picture.left + value.x * placement.picture.width}px`,
              top: `${placement.offsetTop + placement.picture.top + value.y * placement.picture.height}px`,
            }}
          />
        ) : null}
        <span class="nr-visually-hidden">
          {t("focal.button", {
            x: Math.round(value.x * 100),
            y: Math.round(value.y * 100),
          })}
        </span>
      </button>
      <p id={`${id}-help`} class="nr-help">
        {t("focal.help")}
      </p>
      <div class="nr-focal-numbers">
        <label for={`${id}-x`}>{t("focal.fromLeft")}</label>
        <input
          id={`${id}-x`}
          type="number"
          min={0}
          max={100}
          step={1}
          value={Math.round(value.x * 100)}
          onChange={(event) => {
            const x = clampFraction(Number(event.currentTarget.value) / 100);
            onChange((current) => ({ ...current, x }));
          }}
        />
        <label for={`${id}-y`}>{t("focal.fromTop")}</label>
        <input
          id={`${id}-y`}
          type="number"
          min={0}
          max={100}
          step={1}
          value={Math.round(value.y * 100)}
          onChange={(event) => {
            const y = clampFraction(Number(event.currentTarget.value) / 100);
            onChange((current) => ({ ...current, y }));
          }}
        />
      </div>
    </fieldset>
  );
}
