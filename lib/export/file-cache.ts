/**
 * Files built from data that seldom changes, kept in this process's memory with the version of the
 * data they were built from (decision 034): a request finds the file built at the current version,
 * or builds it while sending it, and keeps what it sent. Least recently used files go first once the
 * cache holds `maxBytes`; a file bigger than a quarter of that is sent and not kept. Each app process
 * has its own cache (several processes each build a file once).
 */
import { Transform, type TransformCallback } from "node:stream";

interface KeptFile {
  version: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export class FileCache {
  private readonly files = new Map<string, KeptFile>();
  private size = 0;

  constructor(readonly maxBytes: number) {}

  /** The file kept for `key` at `version`, or null (a file of an older version is dropped). */
  get(key: string, version: string): Uint8Array<ArrayBuffer> | null {
    const file = this.files.get(key);
    if (!file) return null;
    this.files.delete(key);
    if (file.version !== version) {
      this.size -= file.bytes.length;
      return null;
    }
    this.files.set(key, file); // most recently used last
    return file.bytes;
  }

  /** Keeps `bytes` for `key` at `version`, dropping the least recently used files to make room. */
  set(key: string, version: string, bytes: Uint8Array<ArrayBuffer>): void {
    if (bytes.length > this.maxBytes / 4) return;
    const old = this.files.get(key);
    if (old) {
      this.files.delete(key);
      this.size -= old.bytes.length;
    }
    for (const [oldest, file] of this.files) {
      if (this.size + bytes.length <= this.maxBytes) break;
      this.files.delete(oldest);
      this.size -= file.bytes.length;
    }
    this.files.set(key, { version, bytes });
    this.size += bytes.length;
  }

  /** The bytes held, for tests and the operator's figures. */
  get heldBytes(): number {
    return this.size;
  }

  /**
   * A pass-through stream that keeps a copy of what goes through it and, once the file has been
   * written whole (`end`), stores it for `key` at `version`. A file that grows past what the cache
   * would keep stops being copied; a stream destroyed before its end stores nothing.
   */
  keeper(key: string, version: string): Transform {
    let chunks: Buffer[] | null = [];
    let length = 0;
    const limit = this.maxBytes / 4;
    return new Transform({
      transform: (chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) => {
        if (chunks) {
          length += chunk.length;
          if (length > limit) chunks = null;
          else chunks.push(chunk);
        }
        done(null, chunk);
      },
      flush: (done: TransformCallback) => {
        if (chunks) {
          const bytes = new Uint8Array(length);
          let at = 0;
          for (const chunk of chunks) {
            bytes.set(chunk, at);
            at += chunk.length;
          }
          this.set(key, version, bytes);
        }
        chunks = null;
        done();
      },
    });
  }
}
