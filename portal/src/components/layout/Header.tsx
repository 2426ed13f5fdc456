/** The site banner: the city's name, the two entry points, and the language switcher. */
import { useI18n } from '../../i18n/use-i18n.js';
import { Link } from '../../router/Link.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function Header() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          {t('app.title')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <Link href="/">{t('nav.report')}</Link>
            </li>
            <li>
              <Link href="/staff">{t('nav.staff')}</Link>
            </li>
            <li>
              <Link href="/transparency">{t('nav.transparency')}</Link>
            </li>
            <li>
              <Link href="/dashboard">{t('nav.dashboard')}</Link>
            </li>
            <li>
              <Link href="/admin">{t('nav.admin')}</Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
