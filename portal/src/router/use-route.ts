/** The page for the current address, updated on links and the back button. */
import { useEffect, useState } from 'react';
import { matchRoute, type Route } from './match-route.js';
import { markNavigated, NAVIGATE_EVENT } from './navigate.js';

const current = () => matchRoute(window.location.pathname, window.location.search);

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const update = () => setRoute(current());
    const back = () => {
      markNavigated();
      update();
    };
    window.addEventListener('popstate', back);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', back);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return route;
}
