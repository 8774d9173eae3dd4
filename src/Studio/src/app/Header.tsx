/** The header every page shares: the service name, linking to the user's start page. */
export function Header() {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">Skip to main content</a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <a href="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">RightToManage</span>
            </a>
          </div>
        </div>
      </header>
    </>
  );
}
