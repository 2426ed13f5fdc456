/** After a refused submit, moves focus to the first field marked invalid (the first input of a group). */
import { useEffect, type RefObject } from 'react';

export function useFocusFirstError(form: RefObject<HTMLElement | null>, round: number) {
  useEffect(() => {
    if (round === 0 || !form.current) return;
    const first = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    const target =
      first.tagName === 'FIELDSET' ? (first.querySelector<HTMLElement>('input') ?? first) : first;
    target.focus();
  }, [form, round]);
}
