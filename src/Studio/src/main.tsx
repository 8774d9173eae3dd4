import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@ministryofjustice/frontend/moj/moj-frontend.min.css";
import "@xyflow/react/dist/style.css";
import "./styles/main.scss";
import { App } from "./app/App";

// GOV.UK Frontend styles some components differently once scripts run (govuk-frontend-supported).
document.body.classList.add("js-enabled", "govuk-frontend-supported");
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
