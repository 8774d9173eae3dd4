import { Route } from "react-router-dom";
import { InboxPage } from "./InboxPage";
import { TaskPage } from "./TaskPage";

export const taskRoutes = [
  <Route key="tasks" path="/tasks" element={<InboxPage />} />,
  <Route key="task" path="/tasks/:id" element={<TaskPage />} />,
];
