import { useEffect, useRef, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { messageOf } from "../api/client";
import { ErrorSummary } from "../components/ErrorSummary";
import { SessionEndedBanner } from "./SessionEndedBanner";
import { roles, useAuth, useMe } from "./auth";
import { Header } from "./Header";

/** The page frame: the service name, navigation by role with the user and their organisation, and the footer. */
export function Layout() {
  const me = useMe();
  const { signOut } = useAuth();
  const location = useLocation();
  const wide = location.pathname.startsWith("/studio/");
  const [signOutProblem, setSignOutProblem] = useState<string>();
  const main = useRef<HTMLElement>(null);
  const firstPage = useRef(true);

  // A new page in a single-page app makes no sound: move focus to the main content, as a page load would take
  // screen reader users to the top, so they hear where they are.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  const links = [
    roles.hasTasks(me) && { to: "/tasks", label: "Tasks" },
    { to: "/cases", label: "Cases" },
    roles.isDesigner(me) && { to: "/studio", label: "Studio" },
  ].filter(Boolean) as { to: string; label: string }[];

  return (
    <>
      <Header>
        <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
          <ul className="govuk-service-navigation__list">
            {links.map((link) => (
              <li key={link.to} className="govuk-service-navigation__item">
                <NavLink to={link.to} className="govuk-service-navigation__link">{link.label}</NavLink>
              </li>
            ))}
            <li className="govuk-service-navigation__item rtm-nav-user">
              {me.displayName}
              {me.organisation ? `, ${me.organisation.name}` : ""}
            </li>
            <li className="govuk-service-navigation__item">
              <button type="button" className="govuk-service-navigation__link rtm-nav-button" onClick={() => signOut().then(() => setSignOutProblem(undefined), (error) => setSignOutProblem(`You are still signed in: ${messageOf(error)}`))}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </Header>
      <div className={wide ? "rtm-wide" : "govuk-width-container"}>
        <main className="govuk-main-wrapper" id="main-content" ref={main} tabIndex={-1}>
          <SessionEndedBanner />
          {signOutProblem && <ErrorSummary errors={[{ field: "", message: signOutProblem }]} />}
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-footer__meta-custom govuk-body-s">
            RightToManage runs the statutory Right to Manage (SI 2012/1821) and Right to Transfer (SI 2013/2898) processes.
          </p>
        </div>
      </footer>
    </>
  );
}
