/**
 * The page's frame: a skip link, the navigation, and the view for the current path. Views
 * other than the library load on demand, so the first view stays small.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, paths, useRoute, type Route } from './router.js';
import { LibraryView } from './views/library-view.js';

const PracticeView = lazy(() => import('./views/practice-view.js').then((m) => ({ default: m.PracticeView })));
const ScorecardView = lazy(() => import('./views/scorecard-view.js').then((m) => ({ default: m.ScorecardView })));
const DraftStudioView = lazy(() => import('./views/draft-studio-view.js').then((m) => ({ default: m.DraftStudioView })));
const CommitmentsView = lazy(() => import('./views/commitments-view.js').then((m) => ({ default: m.CommitmentsView })));
const ImportNewView = lazy(() => import('./views/import-new-view.js').then((m) => ({ default: m.ImportNewView })));
const ImportThreadView = lazy(() => import('./views/import-thread-view.js').then((m) => ({ default: m.ImportThreadView })));
const HistoryView = lazy(() => import('./views/history-view.js').then((m) => ({ default: m.HistoryView })));

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const routeKey = JSON.stringify(route);
  const first = useRef(true);

  // After navigating, move focus to the new view so keyboard and screen reader users start there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: routeKey is the trigger — the effect runs once per navigation, not on the value itself.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [routeKey]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href={paths.library()} className="brand">
          Rehearse
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href={paths.library()} aria-current={route.name === 'library' ? 'page' : undefined}>
                Scenarios
              </Link>
            </li>
            <li>
              <Link href={paths.drafts()} aria-current={route.name === 'drafts' ? 'page' : undefined}>
                Draft studio
              </Link>
            </li>
            <li>
              <Link href={paths.commitments()} aria-current={route.name === 'commitments' ? 'page' : undefined}>
                Commitments
              </Link>
            </li>
            <li>
              <Link href={paths.history()} aria-current={route.name === 'history' ? 'page' : undefined}>
                History
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>{viewFor(route)}</Suspense>
      </main>
      <footer className="site-footer">
        <p>Rehearse is a place to practise. It is not therapy or crisis support.</p>
      </footer>
    </>
  );
}

function viewFor(route: Route) {
  switch (route.name) {
    case 'library':
      return <LibraryView />;
    case 'practice':
      return <PracticeView key={route.sessionId} sessionId={route.sessionId} />;
    case 'scorecard':
      return <ScorecardView key={route.sessionId} sessionId={route.sessionId} />;
    case 'drafts':
      return <DraftStudioView initialScenarioId={route.scenarioId} />;
    case 'history':
      return <HistoryView />;
    case 'commitments':
      return <CommitmentsView />;
    case 'import-new':
      return <ImportNewView />;
    case 'import':
      return <ImportThreadView key={route.importId} importId={route.importId} />;
    case 'not-found':
      return (
        <section>
          <h1>Nothing here</h1>
          <p>
            There is no page at <code>{route.path}</code>. <Link href={paths.library()}>Back to the scenarios</Link>.
          </p>
        </section>
      );
  }
}
