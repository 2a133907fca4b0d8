// The index advisor: runs EXPLAIN QUERY PLAN on the queries the engine really issues and reports every
// full table scan with the index that would turn it into a search (columns compared with = first, then
// ranges, then the ORDER BY columns, the usual rule for composite indexes).
import type { SqliteDatabase } from './database.js';

export interface QueryToExplain { name: string; sql: string; params: unknown[] }
export interface Advice { query: string; plan: string[]; fullScans: string[]; suggestion: string | null }

export function adviseIndexes(db: SqliteDatabase, queries: readonly QueryToExplain[]): Advice[] {
  return queries.map((q) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as Array<{ detail: string }>).map((r) => r.detail);
    // A SCAN reads every row (or every index entry). Walking an index only for ORDER BY … LIMIT with no
    // filter is fine; with a WHERE clause it means the filter is tested row by row.
    const filtered = /\bWHERE\b/i.test(q.sql);
    const fullScans = plan.filter((d) => /^SCAN \w+/.test(d) && (filtered || !/USING (COVERING )?INDEX/.test(d)));
    let suggestion: string | null = null;
    const table = /^SCAN (\w+)/.exec(fullScans[0] ?? '')?.[1];
    if (table) {
      const where = /\bWHERE\b([\s\S]*?)(\bORDER BY\b|\bGROUP BY\b|\bLIMIT\b|$)/i.exec(q.sql)?.[1] ?? '';
      const equality = [...where.matchAll(/(\w+)\s*(=|\bIN\b)/gi)].map((m) => m[1] as string);
      const ranges = [...where.matchAll(/(\w+)\s*(<=|>=|<|>|\bBETWEEN\b|\bLIKE\b)/gi)].map((m) => m[1] as string);
      const orderBy = /\bORDER BY\b([\s\S]*?)(\bLIMIT\b|$)/i.exec(q.sql)?.[1]?.split(',').map((s) => s.trim().split(/\s+/)[0] as string) ?? [];
      const columns = [...new Set([...equality, ...ranges, ...orderBy])].filter((c) => !/^\d/.test(c));
      if (columns.length) suggestion = `CREATE INDEX ${table}_by_${columns.join('_')} ON ${table} (${columns.join(', ')});`;
    }
    return { query: q.name, plan, fullScans, suggestion };
  });
}
