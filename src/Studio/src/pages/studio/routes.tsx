import { Route } from "react-router-dom";
import { DefinitionsPage } from "./DefinitionsPage";
import { EditorPage } from "./EditorPage";
import { VersionsPage } from "./VersionsPage";
import { CaseViewerPage } from "./CaseViewerPage";

/** The designers' studio: definitions, the editor, version history and the case viewer. */
export const studioRoutes = [
  <Route key="studio" path="/studio" element={<DefinitionsPage />} />,
  <Route key="studio-editor" path="/studio/definitions/:id" element={<EditorPage />} />,
  <Route key="studio-versions" path="/studio/definitions/:id/versions" element={<VersionsPage />} />,
  <Route key="studio-case" path="/studio/cases/:id" element={<CaseViewerPage />} />,
];
