import { NavLink, Outlet, useLocation } from "react-router-dom";
import { roles, useAuth, useMe } from "./auth";
import { Header } from "./Header";

/** The page frame: header with the service name and the user's organisation, navigation by role, and the footer. */
export function Layout() {
  const me = useMe();
  const { signOut } = useAuth();
  const wide = useLocation().pathname.startsWith("/studio/");
  const links = [
    roles.hasTasks(me) && { to: "/tasks", label: "Tasks" },
    { to: "/cases", label: "Cases" },
    roles.isDesigner(me) && { to: "/studio", label: "Studio" },
  ].filter(Boolean) as { to: string; label: string }[];

  return (
    <>
      <Header />
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list">
                {links.map((link) => (
                  <li key={link.to} className="govuk-service-navigation__item">
                    <NavLink to={link.to} className="govuk-service-navigation__link">{link.label}</NavLink>
                  </li>
                ))}
                <li className="govuk-service-navigation__item">
                  <span className="govuk-body-s govuk-!-margin-0">
                    {me.displayName}
                    {me.organisation ? `, ${me.organisation.name}` : ""}
                  </span>
                </li>
                <li className="govuk-service-navigation__item">
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-0" onClick={() => void signOut()}>
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div className={wide ? "rtm-wide" : "govuk-width-container"}>
        <main className="govuk-main-wrapper" id="main-content">
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
