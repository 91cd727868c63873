import { useId } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import {
  clampFraction,
  type FocalPoint,
  focalFromClick,
  nudgeFocal,
  percent,
} from "./focal-point.js";

/**
 * Pick the focal point by clicking on the image, with the arrow keys, or by typing
 * percentages (WCAG 2.2 SC 2.1.1 keyboard and SC 2.5.7: no dragging needed).
 * The marker is placed with physical `left`/`top` on purpose: it addresses pixels of the
 * image, which do not flip in right-to-left text.
 */
export function FocalPointPicker(props: {
  readonly src: string;
  readonly value: FocalPoint;
  readonly onChange: (point: FocalPoint) => void;
}) {
  const id = useId();
  const { t } = useUiText();
  const { value, onChange } = props;
  return (
    <fieldset class="nr-focal">
      <legend>{t("focal.legend")}</legend>
      <button
        type="button"
        class="nr-focal-image"
        aria-describedby={`${id}-help`}
        onClick={(event) => {
          const img = event.currentTarget.querySelector("img");
          if (!img) return;
          // A keyboard "click" has no pointer position (detail 0): keep the current point.
          if (event.detail === 0) return;
          onChange(focalFromClick(event.clientX, event.clientY, img.getBoundingClientRect()));
        }}
        onKeyDown={(event) => {
          const next = nudgeFocal(value, event.key, false);
          if (next) {
            event.preventDefault();
            onChange(next);
          }
        }}
      >
        <img src={props.src} alt="" />
        <span
          class="nr-focal-marker"
          aria-hidden="true"
          style={{ left: percent(value.x), top: percent(value.y) }}
        />
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
          onChange={(event) =>
            onChange({ x: clampFraction(Number(event.currentTarget.value) / 100), y: value.y })
          }
        />
        <label for={`${id}-y`}>{t("focal.fromTop")}</label>
        <input
          id={`${id}-y`}
          type="number"
          min={0}
          max={100}
          step={1}
          value={Math.round(value.y * 100)}
          onChange={(event) =>
            onChange({ x: value.x, y: clampFraction(Number(event.currentTarget.value) / 100) })
          }
        />
      </div>
    </fieldset>
  );
}
