import { Route } from "react-router-dom";
import { CasePage } from "./CasePage";
import { CasesPage } from "./CasesPage";

export const caseRoutes = [
  <Route key="cases" path="/cases" element={<CasesPage />} />,
  <Route key="case" path="/cases/:id" element={<CasePage />} />,
];
