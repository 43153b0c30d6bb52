/** A chosen file's bytes, with progress for big files (FileReader reports it; Blob.arrayBuffer does not). */
export function readFileBytes(file: Blob, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("ファイルを読み込めませんでした。"));
    reader.readAsArrayBuffer(file);
  });
}
