/** Administration: sign in, then the sections this person may use (all for an admin, staff and roles for a head). */
import '../../components/admin/admin.css';
import { useEffect } from 'react';
import { AdminNav } from '../../components/admin/AdminNav.js';
import { SignInForm } from '../../components/staff/SignInForm.js';
import { errorCode } from '../../api/errors.js';
import { useAdminScope } from '../../hooks/use-admin-scope.js';
import { useFocusOnMount } from '../../hooks/use-focus-on-mount.js';
import { useStaffSession } from '../../hooks/use-staff-session.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { adminSections, headSections, type AdminSection } from './admin-sections.js';
import { AdminSectionView } from './AdminSectionView.js';

export function AdminPage({ section }: { section: AdminSection }) {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const session = useStaffSession();
  const scope = useAdminScope(session.signedIn);
  const expired = errorCode(scope.error) === 'UNAUTHORIZED';
  const { signOut } = session;
  useEffect(() => {
    if (expired) signOut();
  }, [expired, signOut]);
  const allowed: readonly AdminSection[] = scope.data?.isAdmin
    ? adminSections
    : scope.data?.departments.length
      ? headSections
      : [];
  const shown = allowed.includes(section) ? section : allowed[0];

  return (
    <div className="admin">
      <h1 ref={heading} tabIndex={-1}>
        {t('admin.heading')}
      </h1>
      {!session.signedIn && (
        <>
          <p className="lead">{t('admin.signin.lead')}</p>
          {expired && <p className="notice warn">{t('staff.sessionExpired')}</p>}
          <SignInForm onSignIn={session.signIn} />
        </>
      )}
      {session.signedIn && scope.loading && !scope.data && <p>{t('common.loading')}</p>}
      {session.signedIn && scope.data && (
        <>
          <div className="staff-bar">
            <p>{t('staff.signedInAs', { name: scope.data.name })}</p>
            <button type="button" className="secondary" onClick={signOut}>
              {t('staff.signout')}
            </button>
          </div>
          {shown ? (
            <>
              <AdminNav sections={allowed} current={shown} />
              <AdminSectionView
                section={shown}
                isAdmin={scope.data.isAdmin}
                departments={scope.data.departments}
              />
            </>
          ) : (
            <p className="notice warn">{t('admin.notAllowed')}</p>
          )}
        </>
      )}
    </div>
  );
}
