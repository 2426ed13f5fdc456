/** The staff queue's reads: filters, keyset pages, facet counts, map points; and internal notes. */
export * from './queue-filters.js';
export { allConditions, facetConditions, searchCondition, FACETS, type Facet } from './queue-conditions.js';
export { encodeCursor, decodeCursor, BadCursorError, type QueueCursor } from './queue-cursor.js';
export { queuePageKeys, cursorAfter, type PageKey } from './queue-page.js';
export { toQueueRow, QUEUE_COLUMNS, type QueueRecord, type QueueRow } from './queue-rows.js';
export {
  queueFacetCounts,
  countFacets,
  selectionOf,
  type FacetCounts,
  type FacetCombination,
} from './queue-facets.js';
export { queueMapPoints, type QueueMapPoint } from './queue-map.js';
export { addInternalNote, listInternalNotes, INTERNAL_NOTE_KIND } from './internal-notes.js';
export { slaStateAt, ageBucketAt, DUE_SOON_MS } from './sla-window.js';
