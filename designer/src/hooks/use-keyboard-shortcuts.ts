/** Document-wide shortcuts (undo, redo, copy, paste, select all) that leave text fields their own. */
import { useEffect, useRef } from 'react';

export type Shortcuts = { undo(): void; redo(): void; copy(): void; paste(): void; save(): void };

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function useKeyboardShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        latest.current.save();
        return;
      }
      if (typingIn(event.target)) return;
      const action =
        key === 'z'
          ? event.shiftKey
            ? 'redo'
            : 'undo'
          : key === 'y'
            ? 'redo'
            : key === 'c'
              ? 'copy'
              : key === 'v'
                ? 'paste'
                : null;
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
