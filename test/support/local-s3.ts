import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

/** s3rver's fixed credentials: any request signed with them is accepted. */
export const localS3Credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * A local S3-compatible server (s3rver) on 127.0.0.1 and a free port, with one bucket, for
 * the S3 media store's tests. Objects live in a temporary directory removed by `close`.
 */
export async function startLocalS3(bucket = "newsdesk-media"): Promise<{
  readonly endpoint: string;
  readonly bucket: string;
  /** The environment `loadConfig` and the AWS SDK's credential chain read. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}> {
  const directory = mkdtempSync(join(tmpdir(), "newsdesk-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      MEDIA_S3_ENDPOINT: endpoint,
      MEDIA_S3_FORCE_PATH_STYLE: "1",
      MEDIA_S3_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
