import { Link } from "react-router-dom";

/**
 * The GOV.UK pagination component. `hrefFor` builds each page's address, so the page number lives in the URL and
 * the browser's back button works.
 */
export function Pagination({ page, pageSize, total, hrefFor }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  // Every page when there are few; otherwise the first, the last and the neighbours of the current one.
  const shown = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => pages <= 7 || n === 1 || n === pages || Math.abs(n - page) <= 1);
  return (
    <nav className="govuk-pagination" aria-label="Pagination">
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      )}
      <ul className="govuk-pagination__list">
        {shown.map((n, i) => (
          <li key={n} className={`govuk-pagination__item${n === page ? " govuk-pagination__item--current" : ""}`}>
            {i > 0 && n - shown[i - 1] > 1 && <span className="govuk-pagination__item govuk-pagination__item--ellipses">⋯</span>}
            <Link className="govuk-link govuk-pagination__link" to={hrefFor(n)} aria-label={`Page ${n}`} aria-current={n === page ? "page" : undefined}>
              {n}
            </Link>
          </li>
        ))}
      </ul>
      {page < pages && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      )}
    </nav>
  );
}
