import { useMemo, useState } from "react";
import { diffLines, type DiffRow } from "./diff";
import { CheckboxField } from "./fields";

const CONTEXT = 3;

/** The rows to show: changes with a few lines around them, and a marker for each run of unchanged lines left out. */
function around(rows: DiffRow[]): (DiffRow | { skipped: number })[] {
  const keep = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.kind !== "same") for (let k = Math.max(0, i - CONTEXT); k <= Math.min(rows.length - 1, i + CONTEXT); k++) keep[k] = true;
  });
  const out: (DiffRow | { skipped: number })[] = [];
  rows.forEach((row, i) => {
    if (keep[i]) out.push(row);
    else {
      const last = out[out.length - 1];
      if (last && "skipped" in last) last.skipped++;
      else out.push({ skipped: 1 });
    }
  });
  return out;
}

/** Two versions' JSON side by side, removed lines on the left and added ones on the right highlighted. */
export function DiffView({ before, after, beforeLabel, afterLabel }: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  // The LCS table is O(n·m): built once per pair of texts, not at every render (ticking the checkbox).
  const rows = useMemo(() => diffLines(before, after), [before, after]);
  const changes = useMemo(() => rows.filter((r) => r.kind !== "same").length, [rows]);
  const trimmed = useMemo(() => around(rows), [rows]);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const shown = onlyChanges ? trimmed : rows;
  return (
    <>
      <p className="govuk-body">{changes === 0 ? "The two versions have the same content." : `${changes} line${changes === 1 ? "" : "s"} differ.`}</p>
      <CheckboxField id="diff-only-changes" label="Show only the changed lines and the lines around them" checked={onlyChanges} onChange={setOnlyChanges} />
      <table className="rtm-diff">
        <colgroup>
          <col className="rtm-diff__number-col" />
          <col />
          <col className="rtm-diff__number-col" />
          <col />
        </colgroup>
        <caption className="govuk-visually-hidden">
          Differences between {beforeLabel} and {afterLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {beforeLabel}
            </th>
            <th scope="col" colSpan={2}>
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) =>
            "skipped" in row ? (
              <tr key={i} className="rtm-diff__skipped">
                <td colSpan={4}>{row.skipped} unchanged line{row.skipped === 1 ? "" : "s"}</td>
              </tr>
            ) : (
            <tr key={i} className={`rtm-diff__row rtm-diff__row--${row.kind}`}>
              <td className="rtm-diff__number">{row.left?.number}</td>
              <td className={`rtm-diff__text${row.left && row.kind !== "same" ? " rtm-diff__text--removed" : ""}`}>
                {row.left && row.kind !== "same" && <span className="govuk-visually-hidden">Removed: </span>}
                {row.left?.text}
              </td>
              <td className="rtm-diff__number">{row.right?.number}</td>
              <td className={`rtm-diff__text${row.right && row.kind !== "same" ? " rtm-diff__text--added" : ""}`}>
                {row.right && row.kind !== "same" && <span className="govuk-visually-hidden">Added: </span>}
                {row.right?.text}
              </td>
            </tr>
            ),
          )}
        </tbody>
      </table>
    </>
  );
}
