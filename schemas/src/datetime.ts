/**
 * Date and time formats shared by every contract. Open311 requires datetimes with a zone, so a
 * timestamp can never be read in the wrong timezone.
 * @see ../../../shared/OPEN311.md "General rules"
 */
import { z } from 'zod';

export const isoDateTimeHint = 'write it like 2025-03-01T14:30:00-05:00 or 2025-03-01T19:30:00Z';

/** ISO 8601 / W3C-DTF date and time with a zone (`Z` or `±hh:mm`). */
export const isoDateTime = z.iso.datetime({
  offset: true,
  error: (issue) => `"${String(issue.input)}" is not a date and time with a zone; ${isoDateTimeHint}`,
});
