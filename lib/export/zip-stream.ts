/**
 * A zip archive written to a stream entry by entry (decision 032): each entry is deflated by a zlib stream (on
 * libuv's threads) as its text comes, with its sizes and CRC in a data descriptor after its data (flag bit 3),
 * so nothing is held to compute them first. Every write waits while the output is full; when the output closes
 * early, every wait ends with `OutputClosed`. Deflate only; no zip64 (our parts stay far below 4 GB).
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { crc32, createDeflateRaw, type DeflateRaw } from "node:zlib";

/** The client went away (or `out` failed) before the workbook was complete. */
export class OutputClosed extends Error {
  constructor() {
    super("the xlsx output closed before the workbook was complete");
    this.name = "OutputClosed";
  }
}

/** An entry's text is handed to zlib in pieces of about this size. */
const CHUNK_CHARS = 32 * 1024;

interface ZipEntryWritten {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS date and time of the zip records (local fields with no zone: UTC here). */
function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((Math.max(1980, at.getUTCFullYear()) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** The archive: `entry` after `entry`, then `finish` (the central directory, and the end of `out`). */
export class ZipWriter {
  private offset = 0;
  private readonly entries: ZipEntryWritten[] = [];
  private readonly stamp: { time: number; date: number };
  private readonly closed = new AbortController();
  private readonly onClose = () => this.closed.abort();

  constructor(private readonly out: Writable, now: Date) {
    this.stamp = dosDateTime(now);
    out.once("close", this.onClose);
    out.once("error", this.onClose);
  }

  private check() {
    if (this.closed.signal.aborted || this.out.destroyed || this.out.writableEnded) throw new OutputClosed();
  }

  /** Writes to a stream, waiting while it is full; ends with OutputClosed when `out` closes meanwhile. */
  private async put(stream: Writable, chunk: Buffer) {
    this.check();
    if (stream.write(chunk)) return;
    try {
      await once(stream, "drain", { signal: this.closed.signal });
    } catch (error) {
      throw this.closed.signal.aborted ? new OutputClosed() : error;
    }
  }

  private async raw(chunk: Buffer) {
    this.offset += chunk.length;
    await this.put(this.out, chunk);
  }

  /** One entry: `write` sends its text through `text(…)`, which waits while the output is full. */
  async entry(name: string, write: (text: (s: string) => Promise<void>) => Promise<void>) {
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the descriptor; bit 11: UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay 0: the descriptor has them.
    header.writeUInt16LE(nameBytes.length, 26);
    await this.raw(Buffer.concat([header, nameBytes]));

    const deflate: DeflateRaw = createDeflateRaw();
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on("data", (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
    });
    deflate.pipe(this.out, { end: false });
    const ended = once(deflate, "end", { signal: this.closed.signal });
    ended.catch(() => {}); // awaited below; a close before then is reported by `put`
    try {
      let pending = "";
      const flush = async () => {
        if (!pending) return;
        const bytes = Buffer.from(pending, "utf8");
        pending = "";
        crc = crc32(bytes, crc);
        size += bytes.length;
        await this.put(deflate, bytes);
      };
      await write(async (s) => {
        pending += s;
        if (pending.length >= CHUNK_CHARS) await flush();
      });
      await flush();
      this.check();
      deflate.end();
      try {
        await ended;
      } catch (error) {
        throw this.closed.signal.aborted ? new OutputClosed() : error;
      }
    } finally {
      deflate.unpipe(this.out);
      if (!deflate.readableEnded) deflate.destroy();
    }

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.raw(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
  }

  /** The central directory and its end record, then the end of `out`. */
  async finish() {
    const start = this.offset;
    for (const e of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: 2.0
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.date, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, attributes: 0
      record.writeUInt32LE(e.offset, 42);
      await this.raw(Buffer.concat([record, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    this.check();
    this.out.off("close", this.onClose);
    this.out.off("error", this.onClose);
    this.out.end();
  }
}

