import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/problem";
import { tasksApi, type TaskView } from "../../api/tasks";
import { ErrorSummary, type FieldError } from "../../components/ErrorSummary";
import { Loading } from "../../components/Loading";
import { Pagination } from "../../components/Pagination";
import { useApi } from "../../components/useApi";
import { usePageTitle } from "../../components/usePageTitle";
import { TaskTable } from "./TaskTable";

const views: { view: TaskView; label: string; empty: string }[] = [
  { view: "mine", label: "My tasks", empty: "You have no tasks." },
  { view: "team", label: "My team's tasks", empty: "Your team has no open tasks." },
  { view: "overdue", label: "Overdue", empty: "No tasks are overdue." },
];

const pageSize = 25;

/** The officer's inbox: their tasks, their team's and the overdue ones, soonest due first. */
export function InboxPage() {
  const [params] = useSearchParams();
  const view = (views.find((v) => v.view === params.get("view"))?.view ?? "mine") as TaskView;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const current = views.find((v) => v.view === view)!;
  const [errors, setErrors] = useState<FieldError[]>([]);
  usePageTitle(`Tasks: ${current.label}`, errors.length > 0);

  const list = useApi(() => tasksApi.list(view, page, pageSize), [view, page]);
  // The API gives no counts per view, so each is a one-item page whose total is the count.
  const counts = useApi(() => Promise.all(views.map((v) => tasksApi.list(v.view, 1, 1).then((p) => p.total))), [list.data]);

  async function claim(id: string) {
    try {
      await tasksApi.claim(id);
      setErrors([]);
      list.reload();
    } catch (error) {
      const message = error instanceof ApiError && error.status === 409 ? `The task could not be claimed: ${error.message}` : String((error as Error).message ?? error);
      setErrors([{ field: "", message }]);
      list.reload();
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Tasks</h1>
      <nav className="moj-sub-navigation" aria-label="Task lists">
        <ul className="moj-sub-navigation__list">
          {views.map((v, i) => (
            <li key={v.view} className="moj-sub-navigation__item">
              <Link className="moj-sub-navigation__link" to={`/tasks?view=${v.view}`} aria-current={v.view === view ? "page" : undefined}>
                {v.label}
                {counts.data && ` (${counts.data[i]})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="govuk-heading-m">{current.label}</h2>
      {!list.data ? (
        <Loading error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="govuk-body">{current.empty}</p>
      ) : (
        <>
          <TaskTable tasks={list.data.items} caption={current.label} onClaim={claim} />
          <Pagination page={page} pageSize={list.data.pageSize} total={list.data.total} hrefFor={(n) => `/tasks?view=${view}&page=${n}`} />
        </>
      )}
    </>
  );
}
