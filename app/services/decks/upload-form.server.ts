// Reads a deck upload as it arrives: the file goes straight into a file-store draft, a chunk at a
// time, and stops being kept past the size limit (the rest of the body is read and dropped, so the
// browser still gets the page with the message at the field); the few text fields are kept small.
import { unstable_parseMultipartFormData as parseMultipart } from "@remix-run/node";
import { MAX_DECK_BYTES } from "~/domain/deck-rules";
import type { FileDraft, FileStore } from "../files/store";

/** The bytes file-type needs to recognize a file by its content. */
const HEAD_BYTES = 4100;
const TEXT_FIELDS = new Set(["videoUrl"]);
const MAX_TEXT_BYTES = 2048;

export type DeckUpload = {
  fields: Record<string, string>;
  /** The file, already in a draft (null when none was chosen). */
  file: { draft: FileDraft; name: string; head: Uint8Array } | null;
  /** A file came, larger than the limit: nothing of it is kept. */
  tooLarge: boolean;
};

async function readText(data: AsyncIterable<Uint8Array>): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.length;
    if (size <= MAX_TEXT_BYTES) chunks.push(chunk);
  }
  if (size > MAX_TEXT_BYTES) return null;
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  // Bytes that are not UTF-8: nobody typed them.
  return text.includes("\uFFFD") ? null : text;
}

/**
 * The upload, or null when the body is not a readable multipart form (or a field is oversized or
 * not UTF-8). With `store` null the body is read and dropped: the asker was already refused.
 */
export async function readDeckUpload(request: Request, store: FileStore | null): Promise<DeckUpload | null> {
  const upload: DeckUpload = { fields: {}, file: null, tooLarge: false };
  let malformed = false;
  let draft: FileDraft | null = null;
  try {
    await parseMultipart(request, async (part) => {
      if (part.name === "deck" && part.filename !== undefined && !upload.file && !upload.tooLarge && store) {
        const head: Uint8Array[] = [];
        let headSize = 0;
        for await (const chunk of part.data) {
          if (upload.tooLarge) continue;
          if ((draft?.bytes ?? 0) + chunk.length > MAX_DECK_BYTES) {
            upload.tooLarge = true;
            await draft?.discard();
            draft = null;
            continue;
          }
          draft ??= await store.begin();
          if (headSize < HEAD_BYTES) {
            head.push(Uint8Array.from(chunk.subarray(0, HEAD_BYTES - headSize)));
            headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
          }
          await draft.write(chunk);
        }
        // An empty file input arrives as a part with no bytes: no file was chosen.
        if (draft) upload.file = { draft, name: part.filename, head: Buffer.concat(head) };
        return undefined;
      }
      if (TEXT_FIELDS.has(part.name) && part.filename === undefined && !(part.name in upload.fields)) {
        const text = await readText(part.data);
        if (text === null) malformed = true;
        else upload.fields[part.name] = text;
        return undefined;
      }
      // Anything else is read and dropped.
      for await (const chunk of part.data) void chunk;
      return undefined;
    });
  } catch {
    malformed = true;
  }
  if (malformed) {
    await (draft as FileDraft | null)?.discard();
    return null;
  }
  return upload;
}
