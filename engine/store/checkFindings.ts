// What a database check found, read the same way on the engine's thread and on the check worker.

/** SQLite's words for a file it found damaged while reading it, rather than listing the damage. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** A check's findings; a check that SQLite stopped because the file is damaged is a finding too. */
export function findings(check: () => string[]): string[] {
  try {
    return check();
  } catch (err) {
    if (DAMAGE_CODES.has((err as { code?: string }).code ?? '')) return [(err as Error).message];
    throw err;
  }
}
