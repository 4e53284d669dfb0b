import { useEffect, useState } from 'react';
import { PART_IDS, type PartId } from '../../../templates';

// Hash routes, so a reload (or a bookmark on an intranet server) comes back to the same place.

export type SectionId = 'meta' | PartId | 'preview';
export const SECTION_IDS: readonly SectionId[] = ['meta', ...PART_IDS, 'preview'];

export type Route = { page: 'home' } | { page: 'start' } | { page: 'check' } | { page: 'summary' } | { page: 'report'; id: string; section: SectionId };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'start') return { page: 'start' };
  if (parts[0] === 'check') return { page: 'check' };
  if (parts[0] === 'summary') return { page: 'summary' };
  if (parts[0] === 'report' && parts[1]) {
    const section = SECTION_IDS.find((s) => s === parts[2]) ?? 'meta';
    return { page: 'report', id: parts[1], section };
  }
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'start':
      return '#/start';
    case 'check':
      return '#/check';
    case 'summary':
      return '#/summary';
    case 'report':
      return `#/report/${encodeURIComponent(route.id)}/${encodeURIComponent(route.section)}`;
  }
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
