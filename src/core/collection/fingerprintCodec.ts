// Fingerprints stored as bytes — a JSON header (the stamps, the articles, where each column lies)
// then the columns' bytes, each 8-byte aligned: the editor's stored collection index (every
// fingerprint of the collection in one file) and the CLI's on-disk index (one a file, a BLOB).
// Plain arrays in JSON would be some ten times larger for a big folder, and slower to read back.
import { COLUMN_NAMES, COLUMN_TYPES, ColumnName, FINGERPRINT_VERSION, FileFingerprint, ParagraphColumns } from './fingerprint';

const MAGIC = 0x58495245; // "ERIX"
/** Bumped when this layout changes (the fingerprint's own version is checked per file). */
const LAYOUT_VERSION = 1;

/** What the stored index was built with: a different key means every file is read again. */
export interface StoredIndex {
  key: string;
  fingerprints: FileFingerprint[];
}

interface Header {
  key: string;
  files: {
    fp: Omit<FileFingerprint, 'paragraphs' | 'articles'>;
    articles: (Omit<FileFingerprint['articles'][number], 'bands'> & { bands: number[] | null })[];
    count: number;
    /** Per column: byte offset in the body and number of elements. */
    columns: Record<ColumnName, [number, number]>;
  }[];
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeIndex(index: StoredIndex): Uint8Array {
  let body = 0;
  const header: Header = { key: index.key, files: [] };
  for (const fp of index.fingerprints) {
    const columns = {} as Record<ColumnName, [number, number]>;
    for (const name of COLUMN_NAMES) {
      const column = fp.paragraphs[name];
      columns[name] = [body, column.length];
      body = align8(body + column.byteLength);
    }
    const { paragraphs, articles, ...rest } = fp;
    header.files.push({
      fp: rest,
      articles: articles.map(a => ({ ...a, bands: a.bands ? Array.from(a.bands) : null })),
      count: paragraphs.count,
      columns,
    });
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = align8(12 + json.length);
  const out = new Uint8Array(bodyStart + body);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, LAYOUT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  index.fingerprints.forEach((fp, i) => {
    for (const name of COLUMN_NAMES) {
      const column = fp.paragraphs[name];
      out.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), bodyStart + header.files[i].columns[name][0]);
    }
  });
  return out;
}

/** The stored index, or undefined when the bytes are not one (another layout, cut short); fingerprints of another version are left out. */
export function decodeIndex(bytes: Uint8Array): StoredIndex | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== LAYOUT_VERSION) return undefined;
  const length = view.getUint32(8, true);
  if (12 + length > bytes.length) return undefined;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Header;
  } catch {
    return undefined;
  }
  const bodyStart = align8(12 + length);
  const fingerprints: FileFingerprint[] = [];
  for (const file of header.files ?? []) {
    if (file.fp.version !== FINGERPRINT_VERSION) continue;
    const paragraphs = { count: file.count } as ParagraphColumns;
    let whole = true;
    for (const name of COLUMN_NAMES) {
      const [offset, n] = file.columns[name];
      const type = COLUMN_TYPES[name];
      const start = bodyStart + offset;
      const end = start + n * type.BYTES_PER_ELEMENT;
      if (end > bytes.length) whole = false;
      else {
        // A copy: its own aligned buffer, and the file's bytes can go.
        const copy = new Uint8Array(end - start);
        copy.set(bytes.subarray(start, end));
        (paragraphs as unknown as Record<ColumnName, unknown>)[name] = new type(copy.buffer);
      }
    }
    if (!whole) return undefined;
    fingerprints.push({ ...file.fp, articles: file.articles.map(a => ({ ...a, bands: a.bands ? Uint32Array.from(a.bands) : null })), paragraphs });
  }
  return { key: header.key, fingerprints };
}
