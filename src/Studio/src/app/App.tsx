import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router-dom";
import { AuthProvider, homeFor, useAuth } from "./auth";
import { Layout } from "./Layout";
import { SignInPage } from "../pages/SignInPage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { appRoutes } from "./routes";
import { ErrorBoundary } from "./ErrorBoundary";

/** Pages need a signed-in user; without one, the sign-in page, which comes back here afterwards. */
function RequireSignIn() {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <p className="govuk-body govuk-width-container">Loading…</p>;
  if (me === null) return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Layout />;
}

function Home() {
  const { me } = useAuth();
  return me ? <Navigate to={homeFor(me)} replace /> : null;
}

export function App() {
  return (
    <ErrorBoundary>
    <AuthProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route element={<RequireSignIn />}>
            <Route index element={<Home />} />
            {appRoutes}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
    </ErrorBoundary>
  );
}
