import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Loading } from "../../components/Loading";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { formatMoment } from "../../components/dates";
import { definitionsApi } from "../../studio/api";
import { DiffView } from "../../studio/DiffView";
import { SelectField } from "../../studio/fields";

/** Every version of a definition, newest first, and a side-by-side diff of any two. */
export function VersionsPage() {
  const { id = "" } = useParams();
  usePageTitle(`Version history of ${id} – Studio`);
  const versions = useApi(() => definitionsApi.versions(id), [id]);
  const [left, setLeft] = useState<number>();
  const [right, setRight] = useState<number>();

  useEffect(() => {
    const list = versions.data;
    if (!list || list.length === 0) return;
    setRight(list[0].version);
    setLeft(list[Math.min(1, list.length - 1)].version);
  }, [versions.data]);

  const texts = useApi(async () => {
    if (left === undefined || right === undefined) return undefined;
    const [a, b] = await Promise.all([definitionsApi.version(id, left), definitionsApi.version(id, right)]);
    // The labels come with the texts: while the next pair loads, the diff shown still names the versions it compares.
    return { before: JSON.stringify(a.definition, null, 2), after: JSON.stringify(b.definition, null, 2), beforeLabel: `Version ${a.version}`, afterLabel: `Version ${b.version}` };
  }, [id, left, right]);

  if (!versions.data) return <Loading error={versions.error} />;
  const options = versions.data.map((v) => ({ value: String(v.version), label: `Version ${v.version}${v.published ? " (published)" : " (draft)"}` }));
  return (
    <>
      <span className="govuk-caption-m">
        <Link className="govuk-link" to="/studio">
          Studio
        </Link>{" "}
        /{" "}
        <Link className="govuk-link" to={`/studio/definitions/${encodeURIComponent(id)}`}>
          {id}
        </Link>
      </span>
      <h1 className="govuk-heading-l">Version history</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Versions of {versions.data[0]?.name ?? id}, newest first</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Version</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Saved</th>
            <th scope="col" className="govuk-table__header">Content hash</th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {versions.data.map((v) => (
            <tr key={v.version} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Version {v.version}
              </th>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${v.published ? "govuk-tag--green" : "govuk-tag--yellow"}`}>{v.published ? "Published" : "Draft"}</strong>
              </td>
              <td className="govuk-table__cell">{formatMoment(v.createdAt)}</td>
              <td className="govuk-table__cell">
                <code title={v.contentHash}>{v.contentHash.slice(0, 12)}</code>
              </td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/studio/definitions/${encodeURIComponent(id)}?version=${v.version}`}>
                  Open<span className="govuk-visually-hidden"> version {v.version}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Compare two versions</h2>
      <div className="rtm-inline">
        <SelectField id="compare-left" label="Older version" value={String(left ?? "")} options={options} onChange={(v) => setLeft(Number(v))} />
        <SelectField id="compare-right" label="Newer version" value={String(right ?? "")} options={options} onChange={(v) => setRight(Number(v))} />
      </div>
      {texts.data ? <DiffView before={texts.data.before} after={texts.data.after} beforeLabel={texts.data.beforeLabel} afterLabel={texts.data.afterLabel} /> : <Loading error={texts.error} />}
    </>
  );
}
