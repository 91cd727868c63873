import type { MediaConfig, MediaStoreConfig } from "../config/config.js";
import type { MediaObjectStore } from "../domain/media/media-object-store.js";
import { MediaObjects, type MediaStores } from "../domain/media/media-objects.js";
import type { MediaRepository } from "../domain/media/media-repository.js";
import { DirectoryObjectStore } from "./directory-object-store.js";
import { S3ObjectStore } from "./s3-object-store.js";

/**
 * The stores MEDIA_STORE and MEDIA_PREVIOUS_STORE name. S3 credentials come from the SDK's
 * standard chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, instance roles).
 * Only MEDIA_STORE's objects are redirected to MEDIA_PUBLIC_BASE_URL: the previous store's
 * are on their way out.
 */
export function openMediaStores(media: MediaConfig): MediaStores & { close(): void } {
  const primary = openMediaStore(media, media.store, media.publicBaseUrl);
  const previous = media.previousStore && openMediaStore(media, media.previousStore, undefined);
  return {
    primary,
    ...(previous ? { previous } : {}),
    close: () => {
      for (const store of [primary, previous]) if (store instanceof S3ObjectStore) store.close();
    },
  };
}

/** One store; `newsdesk media migrate --to` and `restore` open the one they are given. */
function openMediaStore(
  media: MediaConfig,
  store: MediaStoreConfig,
  publicBaseUrl: string | undefined,
): MediaObjectStore {
  if (store.kind === "dir") return new DirectoryObjectStore({ root: store.path, publicBaseUrl });
  return new S3ObjectStore({
    bucket: store.bucket,
    prefix: store.prefix,
    region: media.s3.region,
    endpoint: media.s3.endpoint,
    forcePathStyle: media.s3.forcePathStyle,
    publicBaseUrl,
  });
}

/** The media objects of one database through the configured stores, for one-shot commands. */
export function openMediaObjects(
  media: MediaConfig,
  repository: MediaRepository,
): { readonly objects: MediaObjects; close(): void } {
  const stores = openMediaStores(media);
  return { objects: new MediaObjects({ repository, stores }), close: () => stores.close() };
}
