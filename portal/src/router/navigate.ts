/** Client-side navigation: push a history entry and tell the router. */
export const NAVIGATE_EVENT = 'civicdesk:navigate';

let navigated = false;

export function navigate(href: string): void {
  window.history.pushState(null, '', href);
  markNavigated();
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Records that the page now shown came from an in-app navigation (a link or the back button). */
export function markNavigated(): void {
  navigated = true;
}

/**
 * True once the reader has moved within the portal. On the first load focus stays at the top of the
 * document (so the first Tab reaches the skip link); after a navigation it moves to the new page.
 */
export function hasNavigated(): boolean {
  return navigated;
}
