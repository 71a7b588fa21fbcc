/**
 * A tiny history router: the server answers every non-API path with the page, so real
 * paths (/practice/abc) work on reload and can be bookmarked.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'practice'; sessionId: string }
  | { name: 'scorecard'; sessionId: string }
  | { name: 'drafts'; scenarioId: string | null }
  | { name: 'history' }
  | { name: 'commitments' }
  | { name: 'import-new' }
  | { name: 'import'; importId: string }
  | { name: 'not-found'; path: string };

const NAVIGATE = 'rehearse:navigate';

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'library' };
  if (first === 'practice' && second && parts.length === 2) return { name: 'practice', sessionId: second };
  if (first === 'scorecard' && second && parts.length === 2) return { name: 'scorecard', sessionId: second };
  if (first === 'drafts' && parts.length === 1) return { name: 'drafts', scenarioId: new URLSearchParams(search).get('scenario') };
  if (first === 'history' && parts.length === 1) return { name: 'history' };
  if (first === 'commitments' && parts.length === 1) return { name: 'commitments' };
  if (first === 'imports' && second === 'new' && parts.length === 2) return { name: 'import-new' };
  if (first === 'imports' && second && parts.length === 2) return { name: 'import', importId: second };
  return { name: 'not-found', path: pathname };
}

export const paths = {
  library: () => '/',
  practice: (sessionId: string) => `/practice/${encodeURIComponent(sessionId)}`,
  scorecard: (sessionId: string) => `/scorecard/${encodeURIComponent(sessionId)}`,
  drafts: (scenarioId?: string) => (scenarioId ? `/drafts?scenario=${encodeURIComponent(scenarioId)}` : '/drafts'),
  history: () => '/history',
  commitments: () => '/commitments',
  importNew: () => '/imports/new',
  import: (importId: string) => `/imports/${encodeURIComponent(importId)}`,
};

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  window.scrollTo?.(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const locationKey = () => `${location.pathname}${location.search}`;

export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, locationKey, locationKey);
  const url = new URL(key, 'http://page');
  return parseRoute(url.pathname, url.search);
}

/** An ordinary link that navigates without a page load (modified clicks still open tabs). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
