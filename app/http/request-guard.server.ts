// Everything a request body must pass before Remix (or any form parser) sees it: the methods this
// site answers, the body's declared size, the two form encodings browsers send, valid UTF-8, and
// the shape of the field names (app/domain/form-structure.ts). The body is read once, here, and
// handed on as bytes, so what the action parses is exactly what was checked.
import type express from "express";
import { formStructureProblem, urlencodedNames, type FormProblem } from "../domain/form-structure";
import { refuse } from "./refusal.server";

/** Bodies larger than this are refused; spreadsheet imports get their own, larger limit. */
export const MAX_FORM_BYTES = 1024 * 1024;
export const UPLOAD_LIMITS: Record<string, number> = { "/admin/entries/import": 11 * 1024 * 1024 };
/**
 * Pitch-deck uploads are not buffered here: their multipart body streams on to the action, which
 * writes the file to the store and stops keeping it past 20 MB (services/decks/upload-form.server.ts).
 * A body up to this limit is read through, so even a 50 MB file gets its message at the field;
 * beyond it, the body is refused like any other too large.
 */
export const STREAMED_UPLOADS: { path: RegExp; limit: number }[] = [
  { path: /^\/(?:me|admin)\/entries\/\d+\/deck(?:\.data)?$/, limit: 60 * 1024 * 1024 },
];
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const ANSWERED = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/** Reads the body up to `limit` bytes; null when it turned out longer than declared allows. */
function readBody(req: express.Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The problem with a multipart body, by the same rules as an urlencoded one. */
async function multipartProblem(body: Buffer, contentType: string): Promise<FormProblem | "malformed" | null> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), {
      headers: { "Content-Type": contentType },
    }).formData();
  } catch {
    return "malformed";
  }
  const names: string[] = [];
  let files = 0;
  for (const [name, value] of form.entries()) {
    names.push(name);
    if (typeof value === "string") {
      // The multipart parser replaces bytes that are not UTF-8 with U+FFFD: nobody types it.
      if (value.includes("\uFFFD") || name.includes("\uFFFD")) return "encoding";
    } else {
      files += 1;
    }
  }
  return formStructureProblem(names, files);
}

/**
 * Express middleware: checks and buffers the body into `res.locals.body` for the Remix bridge (or,
 * for a streamed upload, sets `res.locals.streamBody` and leaves the body to the action).
 */
export function guardRequests() {
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!ANSWERED.has(req.method)) {
      res.set("Allow", "GET, HEAD, POST, OPTIONS");
      return refuse(req, res, 405, "method", { close: true });
    }
    if (req.method === "OPTIONS") {
      res.set("Allow", "GET, HEAD, POST, OPTIONS").status(204).end();
      return;
    }
    if (req.method !== "POST") return next();
    const declared = req.get("content-length");
    if (declared === undefined && req.get("transfer-encoding")) return refuse(req, res, 411, "length", { close: true });
    const streamed = STREAMED_UPLOADS.find((upload) => upload.path.test(req.path));
    const limit = streamed?.limit ?? UPLOAD_LIMITS[req.path] ?? MAX_FORM_BYTES;
    if (Number(declared ?? "0") > limit) {
      // Read the body away (up to a bound) before answering, so the client sees the 413 rather
      // than a connection reset mid-upload; past the bound, just cut it off.
      let drained = 0;
      req.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > MAX_DRAIN_BYTES) req.destroy();
      });
      req.on("end", () => void refuse(req, res, 413, "size", { close: true }));
      return;
    }
    if (streamed) {
      // Node reads no more than the declared length, so the limit above bounds what streams on.
      if (!(req.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"))
        return refuse(req, res, 415, "type");
      res.locals.streamBody = true;
      return next();
    }
    try {
      const body = await readBody(req, limit);
      if (body === null) return refuse(req, res, 413, "size", { close: true });
      const type = (req.get("content-type") ?? "").toLowerCase();
      // Every action reads a form: a body of any other type (or none named) would fail there.
      let problem: FormProblem | "malformed" | "type" | null;
      if (type.startsWith("application/x-www-form-urlencoded")) {
        const read = urlencodedNames(body.toString("latin1"));
        problem = "problem" in read ? read.problem : formStructureProblem(read.names);
      } else if (type.startsWith("multipart/form-data"))
        problem = body.length === 0 ? "malformed" : await multipartProblem(body, req.get("content-type")!);
      else problem = "type";
      if (problem)
        return refuse(
          req,
          res,
          problem === "type" ? 415 : problem === "fields" || problem === "files" ? 413 : 400,
          problem,
        );
      res.locals.body = body;
      next();
    } catch (error) {
      next(error);
    }
  };
}
