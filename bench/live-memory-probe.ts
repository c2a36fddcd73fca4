// Preloaded into the server by bench:live (`--import`): on SIGUSR2 it prints one line
// `memory {...}` with process.memoryUsage() after a full GC (run with --expose-gc), so the bench
// can say how much of the peak RSS is live heap, and how much is buffers or garbage not yet
// collected. With BENCH_HEAP_SNAPSHOT set to a directory it also writes a heap snapshot there.
import path from "node:path";
import v8 from "node:v8";

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

process.on("SIGUSR2", () => {
  const before = process.memoryUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const line = {
    rss: mb(before.rss),
    heapUsedBeforeGc: mb(before.heapUsed),
    heapUsed: mb(after.heapUsed),
    heapTotal: mb(after.heapTotal),
    external: mb(after.external),
    arrayBuffers: mb(after.arrayBuffers),
  };
  process.stdout.write(`memory ${JSON.stringify(line)}\n`);
  const dir = process.env.BENCH_HEAP_SNAPSHOT;
  if (dir)
    process.stdout.write(`heap snapshot ${v8.writeHeapSnapshot(path.join(dir, `live-${Date.now()}.heapsnapshot`))}\n`);
});
