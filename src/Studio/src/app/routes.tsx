import { taskRoutes } from "../pages/tasks/routes";
import { caseRoutes } from "../pages/cases/routes";
import { studioRoutes } from "../pages/studio/routes";

/** Each area of the app declares its own pages. */
export const appRoutes = [...taskRoutes, ...caseRoutes, ...studioRoutes];
