import { useState, type FormEvent } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../api/problem";
import { homeFor, useAuth } from "../app/auth";
import { Header } from "../app/Header";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary";
import { usePageTitle } from "../components/usePageTitle";
import { formatMoment } from "../components/dates";

/** Where to go after signing in: only a path of this site, never another site's address (e.g. "//x", "/\\x"). */
function sameSitePath(returnTo: string | null): string | undefined {
  if (!returnTo || !returnTo.startsWith("/")) return undefined;
  try {
    const url = new URL(returnTo, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : undefined;
  } catch {
    return undefined;
  }
}

export function SignInPage() {
  const { me, signIn } = useAuth();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle("Sign in", errors.length > 0);

  if (me) {
    return <Navigate to={sameSitePath(params.get("returnTo")) ?? homeFor(me)} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!email.trim()) found.push({ field: "email", message: "Enter your email address" });
    if (!password) found.push({ field: "password", message: "Enter your password" });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      const lockedOutUntil = typeof problem?.lockedOutUntil === "string" ? problem.lockedOutUntil : undefined;
      const message =
        lockedOutUntil
          ? `Too many failed attempts: you can try again after ${formatMoment(lockedOutUntil)}.`
          : error instanceof ApiError && error.status === 401
            ? "The email address or password is not right."
            : error instanceof Error
              ? error.message
              : String(error);
      setErrors([{ field: "email", message }]);
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field);
  return (
    <>
    <Header />
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} />
            <h1 className="govuk-heading-l">Sign in to RightToManage</h1>
            <form onSubmit={submit} noValidate>
              {(["email", "password"] as const).map((field) => (
                <div key={field} className={`govuk-form-group${errorFor(field) ? " govuk-form-group--error" : ""}`}>
                  <label className="govuk-label" htmlFor={field}>
                    {field === "email" ? "Email address" : "Password"}
                  </label>
                  {errorFor(field) && (
                    <p id={`${field}-error`} className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {errorFor(field)!.message}
                    </p>
                  )}
                  <input
                    className={`govuk-input${errorFor(field) ? " govuk-input--error" : ""}`}
                    id={field}
                    name={field}
                    type={field === "email" ? "email" : "password"}
                    autoComplete={field === "email" ? "username" : "current-password"}
                    spellCheck={false}
                    value={field === "email" ? email : password}
                    aria-describedby={errorFor(field) ? `${field}-error` : undefined}
                    onChange={(e) => (field === "email" ? setEmail(e.target.value) : setPassword(e.target.value))}
                  />
                </div>
              ))}
              <button type="submit" className="govuk-button" disabled={busy}>
                Sign in
              </button>
            </form>
          </div>
        </div>
      </main>
    </div>
    </>
  );
}
