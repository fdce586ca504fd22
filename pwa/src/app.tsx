import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { ACTION_ROLES, hasRole, type Action, type Role } from '../../shared/auth.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { Layout } from './components/layout.js';
import { NetworkFailure } from './lib/api.js';
import { currentGarageId, refreshGarages } from './lib/garage-choice.js';
import { OutboxContext, type Outbox } from './lib/outbox.js';
import { currentPath } from './lib/router.js';
import { currentUser, sessionChecked } from './lib/session.js';
import { DashboardScreen } from './routes/dashboard.js';
import { EntryScreen } from './routes/entry.js';
import { ExitScreen } from './routes/exit.js';
import { SignInScreen } from './routes/sign-in.js';

// Manager-only screens load when a manager opens them: the attendant's shell stays small.
const SettingsScreen = lazy(() => import('./routes/settings.js').then((m) => m.SettingsScreen));
const PaymentsScreen = lazy(() => import('./routes/payments.js').then((m) => m.PaymentsScreen));
const ApprovalsScreen = lazy(() => import('./routes/approvals.js').then((m) => m.ApprovalsScreen));
const GarageScreen = lazy(() => import('./routes/garage.js').then((m) => m.GarageScreen));
const RatesScreen = lazy(() => import('./routes/rates.js').then((m) => m.RatesScreen));
const ValidationsScreen = lazy(() => import('./routes/validations.js').then((m) => m.ValidationsScreen));
const PermitsScreen = lazy(() => import('./routes/permits.js').then((m) => m.PermitsScreen));
const ReportsScreen = lazy(() => import('./routes/reports.js').then((m) => m.ReportsScreen));
const ParkedScreen = lazy(() => import('./routes/parked.js').then((m) => m.ParkedScreen));
// Reservations: any staff, but looked at a few times a day, so it loads when it is opened.
const ReservationsScreen = lazy(() => import('./routes/reservations.js').then((m) => m.ReservationsScreen));
// The Shift screen: opened a few times a day, so it loads when it is opened.
const ShiftScreen = lazy(() => import('./routes/shift.js').then((m) => m.ShiftScreen));
// The garage picker too: only someone who works in several garages ever sees it.
const GaragesScreen = lazy(() => import('./routes/garages.js').then((m) => m.GaragesScreen));
// The managers' and admins' screens of the menu (components/layout.tsx).
const AuditScreen = lazy(() => import('./routes/audit.js').then((m) => m.AuditScreen));
const AlertsScreen = lazy(() => import('./routes/alerts.js').then((m) => m.AlertsScreen));
const StaffScreen = lazy(() => import('./routes/staff.js').then((m) => m.StaffScreen));
const PlateReaderScreen = lazy(() => import('./routes/plate-reader.js').then((m) => m.PlateReaderScreen));
const GaragesAdminScreen = lazy(() => import('./routes/garages-admin.js').then((m) => m.GaragesAdminScreen));

const titles: Record<string, string> = {
  '/': 'Dashboard',
  '/entry': 'Car in',
  '/exit': 'Car out',
  '/settings': 'Settings',
  '/payments': 'Payments to resolve',
  '/approvals': 'Approvals',
  '/garage': 'Garage',
  '/garages': 'Choose a garage',
  '/shift': 'Shift',
  '/rates': 'Rates',
  '/validations': 'Validations',
  '/permits': 'Monthly parkers',
  '/reservations': 'Reservations',
  '/reports': 'Reports',
  '/parked': 'Parked now',
  '/audit': 'Audit',
  '/alerts': 'Alerts',
  '/staff': 'Staff',
  '/all-garages': 'Garages',
  '/plate-reader': 'Plate camera',
};

/** What a lazily loaded screen shows while it loads: its title. */
function Loading({ title }: { title: string }) {
  return (
    <main id="main" class="screen">
      <h1>{title}</h1>
      <p role="status">Loading…</p>
    </main>
  );
}

/** A screen of managers (or admins): loaded lazily for those `allowed`; for others, who to ask. */
function ForRole({ allowed, title, others, children }: { allowed: boolean; title: string; others: string; children: ComponentChildren }) {
  if (!allowed) {
    return (
      <main id="main" class="screen">
        <h1>{title}</h1>
        <p>{others}</p>
      </main>
    );
  }
  return (
    <Suspense fallback={<Loading title={title} />}>{children}</Suspense>
  );
}

function Screen({ path, role }: { path: string; role: Role }) {
  const isManager = hasRole(role, 'manager');
  const may = (action: Action) => hasRole(role, ACTION_ROLES[action]);
  switch (path) {
    case '/':
      return <DashboardScreen />;
    case '/entry':
      return <EntryScreen />;
    case '/exit':
      return <ExitScreen />;
    case '/shift':
      return (
        <Suspense fallback={<Loading title="Shift" />}>
          <ShiftScreen />
        </Suspense>
      );
    case '/reservations':
      return (
        <Suspense fallback={<Loading title="Reservations" />}>
          <ReservationsScreen />
        </Suspense>
      );
    case '/settings':
      return (
        <ForRole allowed={isManager} title="Garage settings" others="Only managers can change the garage settings. Ask a manager.">
          <SettingsScreen />
        </ForRole>
      );
    case '/garage':
      return (
        <ForRole allowed={isManager} title="Garage" others="Only managers and admins see the garage's profile. Ask a manager.">
          <GarageScreen />
        </ForRole>
      );
    case '/rates':
      return (
        <ForRole allowed={isManager} title="Rates" others="Only managers change the garage's rates. Ask a manager.">
          <RatesScreen />
        </ForRole>
      );
    case '/validations':
      return (
        <ForRole allowed={isManager} title="Validations" others="Only managers manage merchants and their validation codes. Ask a manager.">
          <ValidationsScreen />
        </ForRole>
      );
    case '/permits':
      return (
        <ForRole allowed={isManager} title="Monthly parkers" others="Only managers manage monthly parkers' permits. Ask a manager.">
          <PermitsScreen />
        </ForRole>
      );
    case '/reports':
      return (
        <ForRole allowed={isManager} title="Reports" others="Only managers see the garage's reports. Ask a manager.">
          <ReportsScreen />
        </ForRole>
      );
    case '/parked':
      return (
        <ForRole allowed={isManager} title="Parked now" others="Only managers see the list of cars parked now. Ask a manager.">
          <ParkedScreen />
        </ForRole>
      );
    case '/payments':
      return (
        <ForRole allowed={isManager} title="Payments to resolve" others="Only managers resolve payments. Ask a manager.">
          <PaymentsScreen />
        </ForRole>
      );
    case '/approvals':
      return (
        <ForRole allowed={isManager} title="Approvals" others="Only managers approve voids, refunds and lost-ticket fee waivers. Ask a manager.">
          <ApprovalsScreen />
        </ForRole>
      );
    case '/plate-reader':
      return (
        <Suspense fallback={<Loading title="Plate camera" />}>
          <PlateReaderScreen />
        </Suspense>
      );
    case '/audit':
      return (
        <ForRole allowed={may('audit.read')} title="Audit" others="Only managers see who did what in the garage. Ask a manager.">
          <AuditScreen />
        </ForRole>
      );
    case '/alerts':
      return (
        <ForRole allowed={may('alerts.manage')} title="Alerts" others="Only managers see and mute the garage's alerts. Ask a manager.">
          <AlertsScreen />
        </ForRole>
      );
    case '/staff':
      return (
        <ForRole allowed={may('users.manage')} title="Staff" others="Only admins add and change staff accounts. Ask an admin.">
          <StaffScreen />
        </ForRole>
      );
    case '/all-garages':
      return (
        <ForRole allowed={may('garages.manage')} title="Garages" others="Only admins add and change garages. Ask an admin.">
          <GaragesAdminScreen />
        </ForRole>
      );
    default:
      return (
        <main id="main" class="screen">
          <h1>Not found</h1>
          <p>
            There is no screen at {path}. <a href="/">Go to the dashboard</a>.
          </p>
        </main>
      );
  }
}

/**
 * The app: providers, error boundary, sign-in gate, garage gate (someone who may use several garages
 * picks one first) and the screen for the current path.
 */
export function App({ outbox }: { outbox: Outbox }) {
  const user = currentUser.value;
  const path = currentPath.value;
  const picking = user !== null && (currentGarageId.value === null || path === '/garages');

  useEffect(() => {
    document.title = `${user ? (picking ? titles['/garages'] : (titles[path] ?? 'Not found')) : 'Sign in'} · ParkOps`;
  }, [user, path, picking]);

  // Whoever signs in, the outbox goes out under their session (each item to its own garage), and the
  // header learns their garages' names (offline, the names the phone last saw stay).
  useEffect(() => {
    if (!user) return;
    void outbox.drain();
    refreshGarages().catch((failure: unknown) => {
      if (!(failure instanceof NetworkFailure)) console.warn("the garages' names could not be fetched; the header keeps the last ones seen", failure);
    });
  }, [user?.id]);

  return (
    <OutboxContext.Provider value={outbox}>
      <ErrorBoundary>
        {!sessionChecked.value && !user ? (
          <main id="main" class="screen">
            <h1>ParkOps</h1>
            <p role="status">Starting…</p>
          </main>
        ) : user ? (
          <Layout user={user}>
            {picking ? (
              <Suspense fallback={<Loading title="Choose a garage" />}>
                <GaragesScreen />
              </Suspense>
            ) : (
              <Screen path={path} role={user.role} />
            )}
          </Layout>
        ) : (
          <SignInScreen />
        )}
      </ErrorBoundary>
    </OutboxContext.Provider>
  );
}
