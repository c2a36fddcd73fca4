// What a store of uploaded files offers, whatever holds the bytes: the local data directory
// (local-store.server.ts) today, an S3-compatible bucket when one is configured later.
import type { Readable } from "node:stream";

/** A file being written: invisible until `keep`, gone without a trace after `discard`. */
export interface FileDraft {
  /** Appends bytes (in order: the caller awaits each write). */
  write(chunk: Uint8Array): Promise<void>;
  /** How many bytes were written so far. */
  readonly bytes: number;
  /** Makes the file readable under its SHA-256 (the same content is stored once) and says which. */
  keep(): Promise<{ sha256: string; bytes: number }>;
  /** Throws the draft away; nothing already stored is touched. */
  discard(): Promise<void>;
}

export interface FileStore {
  begin(): Promise<FileDraft>;
  /** The bytes stored under this hash, or null when there are none. */
  open(sha256: string): Promise<Readable | null>;
}

export const SHA256 = /^[0-9a-f]{64}$/;
