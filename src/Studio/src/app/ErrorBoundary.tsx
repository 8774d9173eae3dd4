import { Component, type ErrorInfo, type ReactNode } from "react";

/** A fault in a page shows a GOV.UK "there is a problem" page with a way on, not a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <h1 className="govuk-heading-l">Sorry, there is a problem with this page</h1>
          <p className="govuk-body">{this.state.error.message}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/">Go to your start page</a>
          </p>
        </main>
      </div>
    );
  }
}
