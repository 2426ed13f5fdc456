/** The admin sections as links; the current one is marked for screen readers too. */
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router/Link.js';
import type { AdminSection } from '../../pages/admin/admin-sections.js';

export function AdminNav({
  sections,
  current,
}: {
  sections: readonly AdminSection[];
  current: AdminSection;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('admin.nav.label')} className="admin-nav">
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <Link href={`/admin/${section}`} aria-current={section === current ? 'page' : undefined}>
              {t(`admin.section.${section}` as MessageKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
