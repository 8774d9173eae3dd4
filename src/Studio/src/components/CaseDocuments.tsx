import { casesApi, type CaseDocument } from "../api/cases";
import { formatMoment } from "./dates";
import { actorName, fileSize } from "./words";

/** A case's documents as a table, each a download link; shown on the case page and beside a task. */
export function CaseDocuments({ caseId, documents, headingLevel = 2 }: { caseId: string; documents: CaseDocument[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading className={headingLevel === 2 ? "govuk-heading-m" : "govuk-heading-s"} id="documents">
        Documents
      </Heading>
      {documents.length === 0 ? (
        <p className="govuk-body">No documents have been added to this case.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Documents of the case</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">File</th>
              <th scope="col" className="govuk-table__header">Added by</th>
              <th scope="col" className="govuk-table__header">Added</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {documents.map((d) => (
              <tr key={d.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={casesApi.documentHref(caseId, d.id)} download={d.fileName}>
                    {d.fileName}
                  </a>{" "}
                  <span className="govuk-body-s govuk-!-margin-0">({fileSize(d.size)})</span>
                </td>
                <td className="govuk-table__cell">{actorName(d.uploadedBy)}</td>
                <td className="govuk-table__cell">{formatMoment(d.uploadedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
