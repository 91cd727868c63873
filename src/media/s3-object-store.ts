import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type {
  ByteRange,
  MediaObjectStore,
  ObjectMeta,
  StoredObject,
} from "../domain/media/media-object-store.js";
import { checkedKey, checkedPrefix, joinPublicUrl } from "./object-key.js";

export interface S3StoreOptions {
  readonly bucket: string;
  /** Prepended to every key, without a trailing slash ("" for the bucket's root). */
  readonly prefix: string;
  readonly region: string;
  /** A self-hosted or other S3-compatible endpoint (MinIO, Ceph, Garage…); AWS when unset. */
  readonly endpoint?: string | undefined;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key`. */
  readonly forcePathStyle: boolean;
  readonly publicBaseUrl?: string | undefined;
  /** Tests pass fixed keys; otherwise the SDK's chain reads AWS_ACCESS_KEY_ID etc. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * Media objects in S3-compatible object storage (`MEDIA_STORE=s3://bucket/prefix`) through
 * the AWS SDK v3. Objects are written once with `Cache-Control: immutable` (keys never
 * change content), so a public bucket or CDN in front of it serves them like Newsdesk would.
 */
export class S3ObjectStore implements MediaObjectStore {
  readonly kind = "s3";
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #publicBaseUrl: string | undefined;

  constructor(options: S3StoreOptions) {
    this.#bucket = options.bucket;
    this.#prefix = options.prefix ? `${options.prefix.replace(/\/+$/, "")}/` : "";
    this.#publicBaseUrl = options.publicBaseUrl;
    this.#client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Checksums only where S3 requires them: since v3.729 the SDK otherwise sends
      // CRC32 trailers in aws-chunked bodies, which many self-hosted stores refuse.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
    });
  }

  async put(
    key: string,
    body: Uint8Array | AsyncIterable<Uint8Array>,
    meta: ObjectMeta,
  ): Promise<void> {
    // A stream that fails, or yields other than the announced length, aborts the request:
    // the SDK's HTTP handler does not watch the body for errors, and S3 would wait for the
    // missing bytes until its timeout.
    const abort = new AbortController();
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      abort.abort(error);
    };
    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: this.#objectKey(key),
          // A stream needs its length up front (no chunked uploads without checksums).
          Body:
            body instanceof Uint8Array ? body : Readable.from(exactly(body, meta.bytes, key, stop)),
          ContentLength: meta.bytes,
          ContentType: meta.contentType,
          CacheControl: "public, max-age=31536000, immutable",
        }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      throw unavailable(failure ?? error, key);
    }
  }

  async head(key: string): Promise<ObjectMeta | undefined> {
    try {
      const result = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }),
      );
      return {
        contentType: result.ContentType ?? "application/octet-stream",
        bytes: result.ContentLength ?? 0,
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw unavailable(error, key);
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    try {
      const result = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: this.#objectKey(key),
          ...(range ? { Range: `bytes=${range.first}-${range.last}` } : {}),
        }),
      );
      const body = result.Body as
        | (AsyncIterable<Uint8Array> & { destroy?: () => void })
        | undefined;
      if (!body) return undefined;
      // A ranged answer says the whole length in Content-Range: `bytes 0-99/5000`.
      const total = /\/(\d+)$/.exec(result.ContentRange ?? "")?.[1];
      return {
        contentType: result.ContentType ?? "application/octet-stream",
        bytes: total ? Number(total) : (result.ContentLength ?? 0),
        body,
        ...(range ? { range } : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw unavailable(error, key);
    }
  }

  async delete(key: string): Promise<void> {
    await this.#send(
      (client) =>
        client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) })),
      key,
    );
  }

  async *list(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.#send(
        (client) =>
          client.send(
            new ListObjectsV2Command({
              Bucket: this.#bucket,
              Prefix: this.#prefix + checkedPrefix(prefix),
              ...(token ? { ContinuationToken: token } : {}),
            }),
          ),
        prefix,
      );
      for (const object of page.Contents ?? []) {
        if (object.Key?.startsWith(this.#prefix)) yield object.Key.slice(this.#prefix.length);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  publicUrl(key: string): string | undefined {
    return this.#publicBaseUrl ? joinPublicUrl(this.#publicBaseUrl, checkedKey(key)) : undefined;
  }

  /** Stops the client's sockets (tests, shutdown). */
  close(): void {
    this.#client.destroy();
  }

  #objectKey(key: string): string {
    return this.#prefix + checkedKey(key);
  }

  async #send<T>(request: (client: S3Client) => Promise<T>, key: string): Promise<T> {
    try {
      return await request(this.#client);
    } catch (error) {
      throw unavailable(error, key);
    }
  }
}

/**
 * The stream's chunks; when it fails or yields more or fewer bytes than announced, `stop`
 * is told and the stream just ends (an error thrown into the SDK's body stream would be
 * left unhandled).
 */
async function* exactly(
  body: AsyncIterable<Uint8Array>,
  expected: number,
  key: string,
  stop: (error: Error) => void,
): AsyncIterable<Uint8Array> {
  let seen = 0;
  try {
    for await (const chunk of body) {
      seen += chunk.byteLength;
      if (seen > expected) break;
      yield chunk;
    }
  } catch (error) {
    stop(error as Error);
    return;
  }
  if (seen !== expected) {
    stop(
      new Error(
        `media object ${key}: the body has ${seen > expected ? "more" : "fewer"} bytes than the ${expected} announced`,
      ),
    );
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NoSuchKey" ||
      error.name === "NotFound" ||
      error.$metadata.httpStatusCode === 404)
  );
}

function unavailable(error: unknown, key: string): Error {
  if (error instanceof NewsdeskError) return error;
  // The caller's own body failed: not the store's fault.
  if (!(error instanceof S3ServiceException) && /^media object /.test((error as Error).message)) {
    return error as Error;
  }
  return new NewsdeskError("MEDIA_STORE_UNAVAILABLE", {
    detail: `The S3 media store failed on ${JSON.stringify(key)}: ${(error as Error).message}`,
    cause: error,
  });
}
