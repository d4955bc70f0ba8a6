/** Reads chosen files as base64 for the channel (the core decodes, checks and stores them). */
export function readFilesAsBase64(files: FileList | File[]): Promise<{ fileName: string; mimeType: string; contentBase64: string }[]> {
  return Promise.all(
    Array.from(files).map(
      (file) =>
        new Promise<{ fileName: string; mimeType: string; contentBase64: string }>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => {
            const url = String(reader.result);
            resolve({ fileName: file.name, mimeType: file.type, contentBase64: url.slice(url.indexOf(',') + 1) });
          };
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(file);
        }),
    ),
  );
}

/** Offers bytes as a download (the PDF certificate, a draft's PDF). */
export function downloadBase64(fileName: string, mimeType: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
