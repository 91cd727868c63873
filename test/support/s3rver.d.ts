/** The parts of s3rver 3.7 (no types of its own) the tests use. */
declare module "s3rver" {
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    configureBuckets?: { name: string }[];
  }
  // biome-ignore lint/style/noDefaultExport: s3rver's own module shape (module.exports = S3rver).
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
