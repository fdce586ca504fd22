import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { hasRole } from '../../shared/auth.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { Layout } from './components/layout.js';
import { NetworkFailure } from './lib/api.js';
import { refreshGarage } from './lib/garage.js';
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
const GarageScreen = lazy(() => import('./routes/garage.js').then((m) => m.GarageScreen));

const titles: Record<string, string> = {
  '/': 'Dashboard',
  '/entry': 'Car in',
  '/exit': 'Car out',
  '/settings': 'Settings',
  '/payments': 'Payments to resolve',
  '/garage': 'Garage',
};

/** A manager-only screen: loaded lazily for managers; for others, who to ask. */
function ForManagers({ isManager, title, others, children }: { isManager: boolean; title: string; others: string; children: ComponentChildren }) {
  if (!isManager) {
    return (
      <main id="main" class="screen">
        <h1>{title}</h1>
        <p>{others}</p>
      </main>
    );
  }
  return (
    <Suspense
      fallback={
        <main id="main" class="screen">
          <h1>{title}</h1>
          <p role="status">Loading…</p>
        </main>
      }
    >
      {children}
    </Suspense>
  );
}

function Screen({ path, isManager }: { path: string; isManager: boolean }) {
  switch (path) {
    case '/':
      return <DashboardScreen />;
    case '/entry':
      return <EntryScreen />;
    case '/exit':
      return <ExitScreen />;
    case '/settings':
      return (
        <ForManagers isManager={isManager} title="Garage settings" others="Only managers can change the garage settings. Ask a manager.">
          <SettingsScreen />
        </ForManagers>
      );
    case '/garage':
      return (
        <ForManagers isManager={isManager} title="Garage" others="Only managers and admins see the garage's profile. Ask a manager.">
          <GarageScreen />
        </ForManagers>
      );
    case '/payments':
      return (
        <ForManagers isManager={isManager} title="Payments to resolve" others="Only managers resolve payments. Ask a manager.">
          <PaymentsScreen />
        </ForManagers>
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

/** The app: providers, error boundary, sign-in gate and the screen for the current path. */
export function App({ outbox }: { outbox: Outbox }) {
  const user = currentUser.value;
  const path = currentPath.value;

  useEffect(() => {
    document.title = `${user ? (titles[path] ?? 'Not found') : 'Sign in'} · ParkOps`;
  }, [user, path]);

  // Whoever signs in, the outbox goes out under their session, and the header learns the garage's name
  // (offline, the name the phone last saw stays).
  useEffect(() => {
    if (!user) return;
    void outbox.drain();
    refreshGarage().catch((failure: unknown) => {
      if (!(failure instanceof NetworkFailure)) console.warn("the garage's name could not be fetched; the header keeps the last one seen", failure);
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
            <Screen path={path} isManager={hasRole(user.role, 'manager')} />
          </Layout>
        ) : (
          <SignInScreen />
        )}
      </ErrorBoundary>
    </OutboxContext.Provider>
  );
}
