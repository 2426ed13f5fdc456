/**
 * `GET /discovery`: where the endpoint is, which spec and formats it speaks, and a changeset that
 * moves whenever the service catalogue changes, so clients know to refresh their cached lists.
 */
import type { AppContext } from '../app-context.js';

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The discovery document for one jurisdiction. */
export async function toOpen311Discovery(app: AppContext, jurisdictionId: string) {
  const latest = await app.db.service.aggregate({ where: { jurisdictionId }, _max: { updatedAt: true } });
  const changeset = iso(latest._max.updatedAt ?? new Date(0));
  return {
    changeset,
    contact: `Contact the ${jurisdictionId} 311 team for an api_key.`,
    key_service: `${app.config.publicUrl}/portal/api-keys`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${app.config.publicUrl}/open311/v2`,
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
