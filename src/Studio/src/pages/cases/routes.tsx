import { Route } from "react-router-dom";

function CasesHome() {
  return <h1 className="govuk-heading-l">Cases</h1>;
}

export const caseRoutes = [<Route key="cases" path="/cases" element={<CasesHome />} />];
