import { useEffect } from "react";

/** Each page has its own title, as the GOV.UK pattern asks: "Page – RightToManage"; errors first. */
export function usePageTitle(title: string, hasErrors = false) {
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${title} – RightToManage`;
  }, [title, hasErrors]);
}
