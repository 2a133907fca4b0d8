// Minimum-cost assignment (Kuhn 1955, Munkres 1957) in O(n²·m) with row/column potentials — the
// shortest-augmenting-path form. Rectangular matrices are fine: every row of the smaller side is matched.

/** For each row, the column assigned to it (−1 when there are more rows than columns and it got none). */
export function minCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : (cost[0] as readonly number[]).length;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => cost.map((row) => row[c] as number));
    const colToRow = minCostAssignment(transposed);
    const result = new Array<number>(rows).fill(-1);
    colToRow.forEach((r, c) => { if (r >= 0) result[r] = c; });
    return result;
  }
  // 1-based arrays as in the classic formulation: u, v potentials; p[j] = row matched to column j.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = ((cost[i0 - 1] as readonly number[])[j - 1] as number) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) { minv[j] = cur; way[j] = j0; }
        if ((minv[j] as number) < delta) { delta = minv[j] as number; j1 = j; }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) { u[p[j] as number] = (u[p[j] as number] as number) + delta; v[j] = (v[j] as number) - delta; }
        else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if ((p[j] as number) > 0) result[(p[j] as number) - 1] = j - 1;
  return result;
}

export function assignmentCost(cost: readonly (readonly number[])[], assignment: readonly number[]): number {
  return assignment.reduce((sum, c, r) => (c >= 0 ? sum + ((cost[r] as readonly number[])[c] as number) : sum), 0);
}
