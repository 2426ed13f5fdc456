/** The public transparency page: the city's request numbers for anyone, aggregates only. */
import { PublicNumbers } from '../components/dashboard/PublicNumbers.js';
import { useDashboardQuery } from '../hooks/use-dashboard-query.js';
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { useI18n } from '../i18n/use-i18n.js';

export function TransparencyPage() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const filters = useDashboardQuery();
  return (
    <div className="dashboard">
      <h1 ref={heading} tabIndex={-1}>
        {t('transparency.heading')}
      </h1>
      <p>{t('transparency.intro')}</p>
      <PublicNumbers filters={filters} />
    </div>
  );
}
