import { Route } from "react-router-dom";

function StudioHome() {
  return <h1 className="govuk-heading-l">Studio</h1>;
}

export const studioRoutes = [<Route key="studio" path="/studio" element={<StudioHome />} />];
