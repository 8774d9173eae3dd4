/** One row of a side-by-side diff: a line on the left, the right, or both when unchanged. */
export interface DiffRow {
  kind: "same" | "removed" | "added" | "changed";
  left?: { number: number; text: string };
  right?: { number: number; text: string };
}

/**
 * A line diff by longest common subsequence. Definitions are a few thousand lines at most, so the O(n·m) table
 * is fine; removed and added runs that meet are paired into "changed" rows so the two sides line up.
 */
export function diffLines(before: string, after: string): DiffRow[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);

  const rows: DiffRow[] = [];
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) rows.push({ kind: "changed", left: removed[k].left, right: added[k].right });
    rows.push(...removed.slice(paired), ...added.slice(paired));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ kind: "same", left: { number: i + 1, text: a[i] }, right: { number: j + 1, text: b[j] } });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ kind: "added", right: { number: j + 1, text: b[j] } });
      j++;
    } else {
      removed.push({ kind: "removed", left: { number: i + 1, text: a[i] } });
      i++;
    }
  }
  flush();
  return rows;
}
