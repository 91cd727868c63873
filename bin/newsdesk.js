#!/usr/bin/env node
// Fail fast with a clear message on an old Node: native modules crash outright there.
const [major] = process.versions.node.split(".").map(Number);
if (major < 22) {
  process.stderr.write(
    `newsdesk: Node.js ${process.versions.node} is too old; Node 22 or newer is required.\n` +
      "Run it through npm (npm start, npx newsdesk), which uses the Node 24 installed with the project.\n",
  );
  process.exit(1);
}
try {
  await import("../dist/cli/run-cli.js");
} catch (error) {
  if (
    error &&
    error.code === "ERR_MODULE_NOT_FOUND" &&
    String(error.message).includes("dist/cli")
  ) {
    process.stderr.write("newsdesk: the build is missing; run `npm run build` first.\n");
    process.exit(1);
  }
  throw error;
}
