/** Hands a file to the browser's download (the bearer token cannot ride on a plain link, so files come as Blobs). */
export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
