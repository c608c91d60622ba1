/**
 * Attachment checks: the content must be what its name and declared type say (magic bytes), so a
 * program renamed to .pdf is refused; and it must fit the size limit.
 */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

const KINDS = [
  { mediaType: "application/pdf", extensions: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: "image/png", extensions: ["png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
] as const;

export type AttachmentProblem = { field: string; message: string };

/** The detected media type, or the problem with the file (empty, too large, disguised, not allowed). */
export function checkAttachment(
  filename: string,
  declaredType: string,
  content: Buffer,
): { mediaType: string } | AttachmentProblem {
  if (content.length === 0) return { field: "contentBase64", message: "the file is empty" };
  if (content.length > MAX_ATTACHMENT_BYTES) {
    return { field: "contentBase64", message: `the file exceeds ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  }
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  const detected = KINDS.find((k) => k.magic.every((b, i) => content[i] === b));
  if (!detected) return { field: "contentBase64", message: "only PDF, PNG and JPEG files are accepted" };
  if (!(detected.extensions as readonly string[]).includes(ext) || declaredType !== detected.mediaType) {
    return {
      field: "filename",
      message: `the content is ${detected.mediaType}, which does not match the file name or declared type`,
    };
  }
  return { mediaType: detected.mediaType };
}

/** Strict base64 (no whitespace or URL alphabet), so a malformed upload is refused, not truncated. */
export function decodeBase64(s: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  return Buffer.from(s, "base64");
}
