/** Shown for an address the portal does not know. */
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { useI18n } from '../i18n/use-i18n.js';
import { Link } from '../router/Link.js';

export function NotFoundPage() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('notFound.heading')}
      </h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
