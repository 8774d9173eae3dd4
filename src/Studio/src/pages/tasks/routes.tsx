import { Route } from "react-router-dom";

function TasksHome() {
  return <h1 className="govuk-heading-l">Tasks</h1>;
}

export const taskRoutes = [<Route key="tasks" path="/tasks" element={<TasksHome />} />];
