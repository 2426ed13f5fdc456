/** The periods and breakdowns the dashboard offers, in the order shown. */
import type { Dimension, Period } from '../../hooks/use-dashboard-query.js';

export const periods: Period[] = ['day', 'week', 'month'];
export const dimensions: Dimension[] = ['service', 'department', 'district', 'channel', 'none'];
