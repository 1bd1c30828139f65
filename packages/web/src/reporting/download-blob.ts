/** Offers bytes decrypted in the browser as a file download (a blob URL, revoked right after). */
export function downloadBlob(bytes: Uint8Array, name: string, type: string): void {
  const blob = new Blob([bytes.slice().buffer], { type: type || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
