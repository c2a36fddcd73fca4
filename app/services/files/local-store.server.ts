// Files under the data directory, by content: `<dataDir>/files/ab/cd/<sha256>`. A draft is written
// to `<dataDir>/files/tmp/` (the same file system) and renamed into place, so a reader never sees
// half a file and a crash leaves at most a stray temporary file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { SHA256, type FileDraft, type FileStore } from "./store";

export function createLocalFileStore(dataDir: string): FileStore {
  const root = path.join(path.resolve(dataDir), "files");
  const tmp = path.join(root, "tmp");
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  async function begin(): Promise<FileDraft> {
    await fs.promises.mkdir(tmp, { recursive: true });
    const file = path.join(tmp, `${crypto.randomBytes(12).toString("hex")}.part`);
    const handle = await fs.promises.open(file, "wx", 0o600);
    const hash = crypto.createHash("sha256");
    let bytes = 0;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      get bytes() {
        return bytes;
      },
      async write(chunk) {
        hash.update(chunk);
        bytes += chunk.length;
        let offset = 0;
        while (offset < chunk.length) offset += (await handle.write(chunk, offset)).bytesWritten;
      },
      async keep() {
        // On disk before it is named: a power cut cannot leave a named file with missing bytes.
        await handle.datasync();
        await close();
        const sha256 = hash.digest("hex");
        const target = pathOf(sha256);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        if (fs.existsSync(target)) await fs.promises.rm(file, { force: true });
        else await fs.promises.rename(file, target);
        return { sha256, bytes };
      },
      async discard() {
        await close();
        await fs.promises.rm(file, { force: true });
      },
    };
  }

  async function open(sha256: string): Promise<Readable | null> {
    if (!SHA256.test(sha256)) return null;
    try {
      const handle = await fs.promises.open(pathOf(sha256), "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  return { begin, open };
}
