import { useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api, query } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { CaseSummary, Page } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Loading } from "../../components/Loading";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { formatMoment } from "../../components/dates";
import { definitionsApi } from "../../studio/api";
import { readDefinitionFile } from "../../studio/files";
import { TextField } from "../../studio/fields";
import { messagesOf, pathNote, type PathError } from "../../studio/errors";
import type { Definition } from "../../studio/types";

const editorPath = (id: string, version?: number) => `/studio/definitions/${encodeURIComponent(id)}${version ? `?version=${version}` : ""}`;

/** The smallest definition that validates: a Start straight into an End. */
function emptyDefinition(id: string, name: string): Definition {
  return {
    id,
    version: 1,
    name,
    activities: [
      { id: "start", type: "Start", position: { x: 0, y: 0 } },
      { id: "end", type: "End", position: { x: 320, y: 0 } },
    ],
    connections: [{ source: { activity: "start", port: "done" }, target: { activity: "end" } }],
  };
}

type Messages = PathError[];

/** The GOV.UK error summary of a form's messages: those about a field link to it, the others say their path. */
const noFields: Record<string, string> = {};

function Problems({ messages, title, fields = noFields }: { messages: Messages; title: string; fields?: Record<string, string> }) {
  // Memoised: the summary takes focus whenever its list changes, which must not be at every keystroke.
  const errors = useMemo(() => messages.map((m) => (fields[m.path] ? { field: fields[m.path], message: m.message } : { field: "", message: m.message + pathNote(m.path) })), [messages, fields]);
  return <ErrorSummary errors={errors} title={title} />;
}

const createFields: Record<string, string> = { "$.id": "create-id", "$.name": "create-name" };

function CreateDefinition() {
  const navigate = useNavigate();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Messages>([]);
  const errorFor = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message).join(" ") || undefined;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Messages = [];
    if (!id.trim()) found.push({ path: "$.id", message: "Enter an id for the definition" });
    if (!name.trim()) found.push({ path: "$.name", message: "Enter a name for the definition" });
    setErrors(found);
    if (found.length > 0) return;
    try {
      const saved = await definitionsApi.save(emptyDefinition(id.trim(), name.trim()));
      navigate(editorPath(saved.id ?? id.trim(), saved.version));
    } catch (e) {
      // 409: the id has a published version 1; 428: it has a draft version 1 (with other content).
      setErrors(e instanceof ApiError && (e.status === 409 || e.status === 428) ? [{ path: "$.id", message: `There is already a definition with the id ${id.trim()}. Choose another id, or open that definition.` }] : messagesOf(e));
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-title" className="rtm-card">
      <h2 className="govuk-heading-m" id="create-title">
        Create a definition
      </h2>
      <Problems messages={errors} fields={createFields} title="The definition could not be created" />
      <TextField id="create-id" label="Definition id" hint="Lower-case letters, digits and hyphens, e.g. tenancy-check." value={id} error={errorFor("$.id")} onChange={setId} />
      <TextField id="create-name" label="Definition name" value={name} error={errorFor("$.name")} onChange={setName} />
      <button type="submit" className="govuk-button">
        Create a definition
      </button>
    </form>
  );
}

function ImportDefinition() {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Messages>([]);
  const [busy, setBusy] = useState(false);
  async function importFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    let definition: Definition | undefined;
    try {
      definition = await readDefinitionFile(file);
      await definitionsApi.validate(definition);
      const saved = await definitionsApi.save(definition);
      navigate(editorPath(definition.id, saved.version));
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === "definition.published")
        setErrors([{ path: "", message: `${e.message} Change the version in the file, or open the definition and import it there.` }]);
      else if (e instanceof ApiError && (e.status === 428 || e.problem.code === "definition.ifMatchRequired"))
        setErrors([{ path: "", message: `${file.name} was not imported: there is already a draft of ${definition?.id ?? "this definition"} at version ${definition?.version ?? "?"} with other content, and importing does not replace it. Open that draft and import the file there, or change the version in the file.` }]);
      else setErrors(messagesOf(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="rtm-card">
      <h2 className="govuk-heading-m">Import a definition</h2>
      <Problems messages={errors} title="The file could not be imported" />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="import-definition">
          Import JSON
        </label>
        <div className="govuk-hint" id="import-definition-hint">
          A definition file. It is validated, then saved as a draft at the id and version it carries.
        </div>
        <input
          className="govuk-file-upload"
          id="import-definition"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-definition-hint"
          disabled={busy}
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
    </div>
  );
}

function CasePicker() {
  const navigate = useNavigate();
  const [caseId, setCaseId] = useState("");
  const cases = useApi(() => api.get<Page<CaseSummary>>(`/api/cases${query({ pageSize: 10 })}`), []);
  return (
    <section aria-labelledby="cases-title">
      <h2 className="govuk-heading-m" id="cases-title">
        See a case on its flowchart
      </h2>
      <form
        className="rtm-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (caseId.trim()) navigate(`/studio/cases/${encodeURIComponent(caseId.trim())}`);
        }}
      >
        <TextField id="case-id" label="Case id" value={caseId} onChange={setCaseId} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Open case
        </button>
      </form>
      {cases.data && cases.data.items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Latest cases</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Case</th>
              <th scope="col" className="govuk-table__header">Definition</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Stage</th>
              <th scope="col" className="govuk-table__header">Started</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {cases.data.items.map((c) => (
              <tr key={c.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/studio/cases/${c.id}`}>
                    {c.reference ?? c.id}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {c.definitionId} v{c.definitionVersion}
                </td>
                <td className="govuk-table__cell">{c.status}</td>
                <td className="govuk-table__cell">{c.stage}</td>
                <td className="govuk-table__cell">{formatMoment(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases.error && <p className="govuk-body">The cases could not be listed: {cases.error.message}</p>}
    </section>
  );
}

/** The studio's home: every definition, shipped files that failed to load, and ways to start a new one. */
export function DefinitionsPage() {
  usePageTitle("Studio");
  const list = useApi(definitionsApi.list, []);
  return (
    <>
      <h1 className="govuk-heading-l">Studio</h1>
      {!list.data ? (
        <Loading error={list.error} />
      ) : (
        <>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Definitions</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Id</th>
                <th scope="col" className="govuk-table__header">Origin</th>
                <th scope="col" className="govuk-table__header">Versions</th>
                <th scope="col" className="govuk-table__header">Published version</th>
                <th scope="col" className="govuk-table__header">Last change</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.definitions.map((d) => (
                <tr key={d.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={editorPath(d.id)}>
                      {d.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <code>{d.id}</code>
                  </td>
                  <td className="govuk-table__cell">{d.origin === "file" ? "File (read only)" : "Database"}</td>
                  <td className="govuk-table__cell">{d.versions.join(", ")}</td>
                  <td className="govuk-table__cell">{d.publishedVersion ?? "None yet"}</td>
                  <td className="govuk-table__cell">{formatMoment(d.lastChange)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.fileErrors.length > 0 && (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                <h2 className="govuk-heading-s">Shipped files that failed to load</h2>
                {list.data.fileErrors.map((f) => (
                  <div key={f.file}>
                    <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{f.file}</p>
                    <ul className="govuk-list govuk-list--bullet">
                      {f.errors.map((e, i) => (
                        <li key={i}>
                          {e.message} <span className="rtm-path">({e.path}, {e.code})</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </div>
          )}
        </>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <CreateDefinition />
        </div>
        <div className="govuk-grid-column-one-half">
          <ImportDefinition />
        </div>
      </div>
      <CasePicker />
    </>
  );
}
