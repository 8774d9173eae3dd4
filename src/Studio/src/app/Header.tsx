import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/**
 * The bar every page shares: the service name and, once signed in, the navigation. It is the GOV.UK service
 * navigation in its inverse (blue) style rather than the GOV.UK header, whose crown is for GOV.UK services only.
 */
export function Header({ children }: { children?: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">Skip to main content</a>
      <header className="govuk-service-navigation govuk-service-navigation--inverse">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">RightToManage</Link>
            </span>
            {children}
          </div>
        </div>
      </header>
    </>
  );
}
