/** The signed sheet's photo, resized on the phone before it is stored: ≤ 1600 px, ≤ ~300 KB JPEG. */
export async function shrinkPhoto(file: File): Promise<{ data: ArrayBuffer; type: string; name: string }> {
  const { default: imageCompression } = await import("browser-image-compression");
  const small = await imageCompression(file, {
    maxWidthOrHeight: 1600,
    maxSizeMB: 0.3,
    fileType: "image/jpeg",
    initialQuality: 0.8,
    useWebWorker: false,
  });
  return { data: await small.arrayBuffer(), type: "image/jpeg", name: "cam-ket.jpg" };
}
