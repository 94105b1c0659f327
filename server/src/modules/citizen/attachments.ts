import { TIP_LIMITS } from "@toandan/contracts";
import sharp from "sharp";
import { AppError, validationFailed } from "../../kernel/errors";

/**
 * Citizen attachments: type checked by content (not by name or declared type), size limited, and
 * images re-encoded by sharp, which drops EXIF, GPS, XMP and ICC metadata unless asked to keep it.
 */
export type CleanFile = { mediaType: string; data: Buffer };

const MAX_PIXELS = 40_000_000;

function kindOf(data: Buffer): "jpeg" | "png" | "webp" | "pdf" | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpeg";
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (
    data.subarray(0, 4).toString("latin1") === "RIFF" &&
    data.subarray(8, 12).toString("latin1") === "WEBP"
  ) {
    return "webp";
  }
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  return null;
}

export function decodeBase64(value: string, path: string, maxBytes: number): Buffer {
  const cleaned = value.replace(/^data:[^,]*,/, "").replace(/\s/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(cleaned)) {
    throw validationFailed([{ path, message: "Tệp không đọc được (base64 không hợp lệ)" }]);
  }
  const data = Buffer.from(cleaned, "base64");
  if (data.length > maxBytes) {
    throw new AppError("payload_too_large", `Tệp tối đa ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
  if (data.length === 0) throw validationFailed([{ path, message: "Tệp rỗng" }]);
  return data;
}

/** Re-encodes an image without metadata (orientation applied first), or rejects it. */
export async function cleanImage(data: Buffer, path: string): Promise<CleanFile> {
  const kind = kindOf(data);
  if (kind !== "jpeg" && kind !== "png" && kind !== "webp") {
    throw validationFailed([{ path, message: "Ảnh phải là JPG, PNG hoặc WebP" }]);
  }
  try {
    const img = sharp(data, { limitInputPixels: MAX_PIXELS, failOn: "error" }).rotate();
    if (kind === "png") return { mediaType: "image/png", data: await img.png().toBuffer() };
    return { mediaType: "image/jpeg", data: await img.jpeg({ quality: 85, mozjpeg: true }).toBuffer() };
  } catch {
    throw validationFailed([{ path, message: "Ảnh bị hỏng hoặc quá lớn" }]);
  }
}

/** Checks and cleans one attachment: images re-encoded, PDFs accepted by content. */
export async function cleanAttachment(base64: string, index: number): Promise<CleanFile> {
  const path = `attachments.${index}.contentBase64`;
  const data = decodeBase64(base64, path, TIP_LIMITS.attachmentBytesMax);
  const kind = kindOf(data);
  if (kind === "pdf") {
    if (!data.subarray(-1024).toString("latin1").includes("%%EOF")) {
      throw validationFailed([{ path, message: "Tệp PDF không hoàn chỉnh" }]);
    }
    return { mediaType: "application/pdf", data };
  }
  if (!kind) throw validationFailed([{ path, message: "Chỉ nhận ảnh (JPG, PNG, WebP) hoặc PDF" }]);
  return cleanImage(data, path);
}
