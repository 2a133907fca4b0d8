// The frame every page is shown in: <main> (the skip link's target), the Suspense boundary of the lazily
// loaded pages (docs/app.md, "Lean delivery"), and focus and window title following navigation (WCAG 2.1
// 2.4.2, 2.4.3): after every route change but the first, focus moves to the new page's main heading (else to
// <main>), so a screen reader reads where the user arrived and Tab continues from there, not from the nav
// link that was clicked.
import { Suspense, useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

/** Focuses the page's main heading (focusable by script only: it is no tab stop); false when there is none yet. */
function focusHeading(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>('h1');
  if (!heading) return false;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
  return true;
}

/** Focus to the page's heading; a page that first says "loading" gets <main> now and its heading once drawn,
 *  unless the user has moved focus meanwhile. Returns the cleanup (stop watching). */
function focusArrivedPage(): () => void {
  const main = document.getElementById('main');
  if (!main || focusHeading(main)) return () => {};
  main.focus();
  const observer = new MutationObserver(() => {
    if (document.activeElement !== main || focusHeading(main)) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** Focuses <main> itself: the link's #main would otherwise be taken by the hash router as a route. */
export function SkipLink({ label }: { label: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return <a className="skip" href="#main" onClick={skip}>{label}</a>;
}

/** Inside the Suspense boundary, after the page: its effects run once a lazily loaded page is on screen. */
function PageArrival({ routeKey, title }: { routeKey: string; title: string }) {
  const first = useRef(true);
  useEffect(() => { document.title = title; }, [title]);
  useEffect(() => {
    // On the first load focus stays at the start of the document, where the skip link is.
    if (first.current) { first.current = false; return; }
    return focusArrivedPage();
  }, [routeKey]);
  return null;
}

export function PageFrame({ routeKey, title, loading, children }: { routeKey: string; title: string; loading: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1}>
      <Suspense fallback={<p>{loading}</p>}>
        {children}
        <PageArrival routeKey={routeKey} title={title} />
      </Suspense>
    </main>
  );
}
