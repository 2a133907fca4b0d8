// The schemas this engine knows: for each schema version n, what applying migrations 1..n to an empty
// database creates (tables, indexes, triggers, views, each as its normalised CREATE statement). Derived by
// running the migrations on an in-memory database, so a migration added later is covered by itself. A
// database whose schema is not exactly the one for its version (no tables, an extra trigger or index, a
// changed table) is not one SAFE Edge made: restore refuses it and the engine does not write to it
// (docs/hardening.md#integrity).
import Database from 'better-sqlite3';
import type { SqliteDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

export type SchemaObjectType = 'table' | 'index' | 'trigger' | 'view';
export interface SchemaObject { type: SchemaObjectType; name: string; sql: string }

/** Whitespace runs (the migrations' indentation, newlines) are not part of what a statement means. */
const normalise = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/** The objects of a database's schema, by "type name". SQLite's own (sqlite_sequence, sqlite_stat*,
 *  the automatic indexes of UNIQUE and PRIMARY KEY constraints, which have no SQL) follow from the tables. */
export function schemaOf(db: SqliteDatabase): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger', 'view') AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as SchemaObject[];
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, { type: row.type, name: row.name, sql: normalise(row.sql) }]));
}

let known: ReadonlyArray<Map<string, SchemaObject>> | undefined;

/** known[n - 1]: the schema of version n (1..MIGRATIONS.length), computed once per process. */
export function knownSchemas(): ReadonlyArray<Map<string, SchemaObject>> {
  if (known) return known;
  const db = new Database(':memory:');
  try {
    known = MIGRATIONS.map((migration) => {
      db.exec(migration);
      return schemaOf(db);
    });
  } finally {
    db.close();
  }
  return known;
}

/**
 * What makes this database's schema differ from the one its version (PRAGMA user_version) has, in words
 * ("extra trigger wipe_runs; missing table runs"), or null when it is exactly a known one.
 */
export function schemaDifference(db: SqliteDatabase): string | null {
  const version = db.pragma('user_version', { simple: true }) as number;
  const schemas = knownSchemas();
  if (!Number.isInteger(version) || version < 1 || version > schemas.length) return `schema version ${version} is not one this engine knows (1 to ${schemas.length})`;
  const expected = schemas[version - 1] as Map<string, SchemaObject>;
  const actual = schemaOf(db);
  const differences: string[] = [];
  for (const [key, object] of actual) {
    const wanted = expected.get(key);
    if (!wanted) differences.push(`extra ${key}`);
    else if (wanted.sql !== object.sql) differences.push(`changed ${key}`);
  }
  for (const key of expected.keys()) if (!actual.has(key)) differences.push(`missing ${key}`);
  if (differences.length === 0) return null;
  const shown = differences.slice(0, 6).join('; ') + (differences.length > 6 ? `; and ${differences.length - 6} more` : '');
  return `its schema is not the one SAFE Edge v${version} creates: ${shown}`;
}
