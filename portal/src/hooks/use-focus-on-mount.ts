/** Moves keyboard and screen-reader focus to a page's heading when the reader navigates to it. */
import { useEffect, useRef } from 'react';
import { hasNavigated } from '../router/navigate.js';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return ref;
}
