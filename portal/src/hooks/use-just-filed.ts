/**
 * True on the visit right after filing (`?new=1`); the flag is then dropped from the address so a
 * bookmark or a later visit does not say "your report was sent" again.
 */
import { useEffect, useState } from 'react';

export function useJustFiled(): boolean {
  const [justFiled] = useState(() => new URLSearchParams(window.location.search).get('new') === '1');
  useEffect(() => {
    if (!justFiled) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('new');
    window.history.replaceState(null, '', url.pathname + url.search);
  }, [justFiled]);
  return justFiled;
}
