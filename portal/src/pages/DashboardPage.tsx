/** The staff dashboard: the public numbers plus private breakdowns (throughput per person, overdue tasks). */
import { PublicNumbers } from '../components/dashboard/PublicNumbers.js';
import { StaffSections } from '../components/dashboard/StaffSections.js';
import { SignInForm } from '../components/staff/SignInForm.js';
import { errorCode } from '../api/errors.js';
import { useStaffDashboard } from '../hooks/use-dashboard.js';
import { useDashboardQuery } from '../hooks/use-dashboard-query.js';
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { useStaffSession } from '../hooks/use-staff-session.js';
import { useI18n } from '../i18n/use-i18n.js';
import { useEffect } from 'react';

export function DashboardPage() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const session = useStaffSession();
  const filters = useDashboardQuery();
  const staff = useStaffDashboard(filters.query, session.signedIn);
  const expired = errorCode(staff.error) === 'UNAUTHORIZED';
  const { signOut } = session;
  useEffect(() => {
    if (expired) signOut();
  }, [expired, signOut]);
  return (
    <div className="dashboard">
      <h1 ref={heading} tabIndex={-1}>
        {t('dash.heading')}
      </h1>
      {!session.signedIn ? (
        <>
          {expired && <p className="notice warn">{t('staff.sessionExpired')}</p>}
          <p>{t('dash.signInFirst')}</p>
          <SignInForm onSignIn={session.signIn} />
        </>
      ) : (
        <PublicNumbers filters={filters}>
          {staff.data && <StaffSections data={staff.data} query={filters.query} />}
        </PublicNumbers>
      )}
    </div>
  );
}
