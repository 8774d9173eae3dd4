import { diffLines } from "./diff";

/** Two versions' JSON side by side, removed lines on the left and added ones on the right highlighted. */
export function DiffView({ before, after, beforeLabel, afterLabel }: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  const rows = diffLines(before, after);
  const changes = rows.filter((r) => r.kind !== "same").length;
  return (
    <>
      <p className="govuk-body">{changes === 0 ? "The two versions have the same content." : `${changes} line${changes === 1 ? "" : "s"} differ.`}</p>
      <table className="rtm-diff">
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
          {rows.map((row, i) => (
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
          ))}
        </tbody>
      </table>
    </>
  );
}
