/**
 * Finds the native binaries in a zip by their first bytes (not their names): every PE file
 * (Windows .exe, .dll, .node), ELF file (Linux executables, .so, .node) and Mach-O file, with the
 * machine it was built for.
 */
import yauzl from 'yauzl';

export interface NativeBinary {
  /** The entry's path inside the zip. */
  path: string;
  format: 'PE' | 'ELF' | 'Mach-O';
  /** PE's Machine field or ELF's e_machine (0 for Mach-O, which no package here may hold). */
  machine: number;
}

/** Enough of a file to reach a PE header: its offset sits at 0x3c and is small in practice. */
const HEAD_BYTES = 4096;

export function binaryKind(path: string, head: Buffer): NativeBinary | undefined {
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46)
    return { path, format: 'ELF', machine: head.readUInt16LE(18) };
  if (head.length >= 0x40 && head.toString('latin1', 0, 2) === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= head.length && head.toString('latin1', pe, pe + 4) === 'PE\0\0')
      return { path, format: 'PE', machine: head.readUInt16LE(pe + 4) };
  }
  if (
    head.length >= 4 &&
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(head.readUInt32BE(0))
  )
    return { path, format: 'Mach-O', machine: 0 };
  return undefined;
}

/** Every native binary in the zip, and the names of all its entries. */
export function nativeBinariesInZip(
  zipPath: string,
): Promise<{ binaries: NativeBinary[]; entries: string[] }> {
  return new Promise((resolve, reject) => {
    const binaries: NativeBinary[] = [];
    const entries: string[] = [];
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zip) => {
      if (openError) return reject(openError);
      zip.on('error', reject);
      zip.on('end', () => resolve({ binaries, entries }));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry.fileName);
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        readHead(zip, entry)
          .then((head) => {
            const kind = binaryKind(entry.fileName, head);
            if (kind) binaries.push(kind);
            zip.readEntry();
          })
          .catch(reject);
      });
      zip.readEntry();
    });
  });
}

function readHead(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        // Enough read: stop inflating the rest of a 100 MB binary.
        if (length >= HEAD_BYTES) stream.destroy();
      });
      stream.on('close', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}
