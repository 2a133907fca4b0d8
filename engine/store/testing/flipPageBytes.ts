// Tests only: damage a closed database file the way a failing disk does, below anything SQLite wrote
// through its own API (docs/hardening.md#integrity).
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Flips 10 bytes at the start of 20 pages spread over the upper half of the file (the runs' b-tree and
 * overflow pages, never page 1 or the small tables the migrations created first): 200 bytes in all.
 * Returns the file's page count, so a test can say it had enough pages to damage only data pages.
 */
export function flipBytesInUpperPages(file: string): number {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  const pages = bytes.length / pageSize;
  for (let k = 0; k < 20; k++) {
    const page = Math.floor(pages / 2) + k * Math.floor(pages / 2 / 21);
    for (let i = 0; i < 10; i++) bytes[page * pageSize + i] = (bytes[page * pageSize + i] as number) ^ 0xa5;
  }
  writeFileSync(file, bytes);
  return pages;
}
