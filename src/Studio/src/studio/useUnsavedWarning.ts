import { useEffect } from "react";

const QUESTION = "You have unsaved changes. Leave this page and lose them?";

/**
 * Asks before the designer leaves with unsaved work: closing or reloading the tab, and following a link in the
 * app (the app's router is not a data router, so its blocker is not available; links are caught as they are clicked).
 */
export function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("href")?.startsWith("#") || link.hasAttribute("download")) return;
      if (!window.confirm(QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty]);
}
