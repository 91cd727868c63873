import { useCallback, useRef } from "preact/hooks";
import { originalRendition } from "../media/media-files.js";
import type { MediaAsset } from "../shared/api-schemas.js";

interface KnownAsset {
  readonly asset: MediaAsset;
  readonly thumbnailUrl: string;
}

/**
 * The media assets this editor has picked or edited, with the thumbnail the picker showed,
 * so figures in the body and the lead show that thumbnail and the figure dialog can offer
 * the asset's own caption, credit and alt text. Any other figure shows its original.
 */
export function useFigureAssets() {
  const assets = useRef(new Map<string, KnownAsset>());
  const thumbnailFor = useCallback(
    (mediaId: string) => assets.current.get(mediaId)?.thumbnailUrl ?? originalRendition(mediaId),
    [],
  );
  const assetFor = useCallback((mediaId: string) => assets.current.get(mediaId)?.asset ?? null, []);
  const remember = useCallback((asset: MediaAsset, thumbnailUrl: string | null) => {
    assets.current.set(asset.id, {
      asset,
      thumbnailUrl: thumbnailUrl ?? originalRendition(asset.id),
    });
  }, []);
  return { thumbnailFor, assetFor, remember };
}
