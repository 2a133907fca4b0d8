// Saving what the engine answers as a file the commander chooses where to keep (the browser's or the
// app's download): the JSON result, a handover file, the zones for GIS tools.
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked a moment later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from an id, safe on every file system (ids are free text). */
export const fileSafe = (id: string) => id.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100) || 'incident';
