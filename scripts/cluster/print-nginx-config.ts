// Prints the nginx.conf for an installation: `node --import tsx scripts/cluster/print-nginx-config.ts
// <listen port> <dir> <name>:<port>...`, e.g. `8080 /srv/frontier/nginx a:3001 b:3002` (docs/scaling.md).
import { nginxConfig } from "./nginx-config";

const [listen, tempDir, ...specs] = process.argv.slice(2);
if (!listen || !tempDir || specs.length === 0) {
  process.stderr.write("usage: print-nginx-config.ts <listen port> <nginx dir> <name>:<port> [<name>:<port>...]\n");
  process.exit(2);
}
const backends = specs.map((spec) => {
  const [name = "", port = ""] = spec.split(":");
  return { name, port: Number(port) };
});
try {
  process.stdout.write(
    nginxConfig({ listenPort: Number(listen), listenHost: "0.0.0.0", backends, tempDir, workerProcesses: "auto" }),
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
