import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { ACTION_ROLES, hasRole, type Action, type User } from '../../../shared/auth.js';
import { NetworkFailure } from '../lib/api.js';
import { approvalsBadge, useApprovalsBadge } from '../lib/approvals.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentGarageId, garageName, severalGarages } from '../lib/garage-choice.js';
import { isOffline, networkUp } from '../lib/network.js';
import { useOutbox } from '../lib/outbox.js';
import { currentPath, isPlainClick, navigate, restartScreens, tapTab } from '../lib/router.js';
import { signOut } from '../lib/session.js';
import { Banners } from './banners.js';
import { PendingChip } from './pending-chip.js';
import './manage-menu.css';

/** The Menu's screens, each shown to whom the permission rule allows (shared/auth.ts). */
const MANAGE_SCREENS: ReadonlyArray<{ href: string; label: string; action: Action }> = [
  { href: '/plate-reader', label: 'Plate camera', action: 'tickets.use' },
  { href: '/reports', label: 'Reports', action: 'reports.read' },
  { href: '/parked', label: 'Parked now', action: 'reports.read' },
  { href: '/alerts', label: 'Alerts', action: 'alerts.manage' },
  { href: '/audit', label: 'Audit', action: 'audit.read' },
  { href: '/staff', label: 'Staff', action: 'users.manage' },
  { href: '/all-garages', label: 'Garages', action: 'garages.manage' },
];

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const here = currentPath.value === href;
  return (
    <a
      href={href}
      class={here ? 'here' : undefined}
      aria-current={here ? 'page' : undefined}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        tapTab(href);
      }}
    >
      {children}
    </a>
  );
}

/**
 * The header's Menu for managers and admins: a button that opens, under the header, the list of
 * their screens and the plate camera's set-up (attendants find that under Car in: their header at
 * 360 px has no room for a Menu; the tab bar keeps its five tabs, which fit a 360 px phone). Closes on a pick, on
 * Escape (focus back on the button) and on any change of screen.
 */
function ManageMenu({ user }: { user: User }) {
  const open = useSignal(false);
  const button = useRef<HTMLButtonElement>(null);
  const path = currentPath.value;
  useEffect(() => {
    open.value = false;
  }, [path]);
  const screens = MANAGE_SCREENS.filter((s) => hasRole(user.role, ACTION_ROLES[s.action]));
  return (
    <>
      <button
        ref={button}
        type="button"
        class="link-button menu-button"
        aria-expanded={open.value}
        aria-controls={open.value ? 'manage-menu' : undefined}
        onClick={() => (open.value = !open.value)}
      >
        Menu
      </button>
      {open.value && (
        <nav
          id="manage-menu"
          class="manage-menu"
          aria-label="Manage"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            open.value = false;
            button.current?.focus();
          }}
        >
          <ul>
            {screens.map((s) => (
              <li key={s.href}>
                <NavLink href={s.href}>{s.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}

/**
 * Where the phone works and who is signed in: the garage's name (always on screen; a long one ends
 * in an ellipsis, whole in its title) over the username, in the height of the header's one line.
 * For someone who may use several garages the name opens the garage picker.
 */
function WhereAndWho({ user }: { user: User }) {
  const id = currentGarageId.value;
  const name = id === null ? null : garageName(id);
  const shown = name && (
    <span class="garage-name" title={name} data-testid="garage-name">
      {name}
    </span>
  );
  return (
    <p class="where">
      {shown && severalGarages.value ? (
        <a
          href="/garages"
          class="garage-switch"
          onClick={(e) => {
            if (!isPlainClick(e)) return;
            e.preventDefault();
            navigate('/garages');
          }}
        >
          {shown}
          <span aria-hidden="true">▾</span>
          <span class="visually-hidden"> (change garage)</span>
        </a>
      ) : (
        shown
      )}
      <span class="who">
        <span class="visually-hidden">Signed in as </span>
        {user.username}
      </span>
    </p>
  );
}

/**
 * The frame around every screen, kept short so the screen's next control stays in reach: one header
 * line (the garage and who is signed in, the sync chip, sign out), a one-line offline strip when
 * needed, and the tab bar (managers' with Approvals, badged with how many requests wait).
 */
export function Layout({ user, children }: { user: User; children: ComponentChildren }) {
  const outbox = useOutbox();
  const problem = useSignal<string | null>(null);
  const offline = isOffline(outbox);
  const manager = hasRole(user.role, 'manager');
  useApprovalsBadge(manager);
  const badge = approvalsBadge.value;
  const path = currentPath.value;
  const synced = outbox.lastSyncedAt.value;
  // A failed sign-out is about that moment: the message goes once the phone is back online, syncs, or moves on.
  useEffect(() => {
    if (!offline) problem.value = null;
  }, [offline]);
  useEffect(() => {
    problem.value = null;
  }, [path, synced]);

  function leave() {
    problem.value = null;
    signOut().then(
      () => {
        restartScreens();
        navigate('/', { replace: true });
      },
      (failure: unknown) =>
        (problem.value =
          failure instanceof NetworkFailure || !networkUp.value
            ? 'Offline: to sign out, the phone needs the server. Try again once it is back online; until then you stay signed in.'
            : `Not signed out: ${describeFailure(failure)}`),
    );
  }

  return (
    <div class="layout">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">ParkOps</span>
        <WhereAndWho user={user} />
        <PendingChip />
        {manager && currentGarageId.value !== null && <ManageMenu user={user} />}
        <button type="button" class="link-button" onClick={leave}>
          Sign out
        </button>
      </header>
      <Banners />
      {problem.value && (
        <p class="banner banner-error" role="alert">
          {problem.value}
        </p>
      )}
      {outbox.storageError.value && (
        <p class="banner banner-error" role="alert">
          {outbox.storageError.value}
        </p>
      )}
      {children}
      {currentGarageId.value !== null && (
        <nav class={`tabs${manager ? ' tabs-many' : ''}`} aria-label="Main">
          <NavLink href="/">Dashboard</NavLink>
          <NavLink href="/entry">Car in</NavLink>
          <NavLink href="/exit">Car out</NavLink>
          {manager && <NavLink href="/settings">Settings</NavLink>}
          {manager && (
            <NavLink href="/approvals">
              Approvals
              {badge && (
                <span class="badge" data-testid="approvals-badge">
                  {badge}
                  <span class="visually-hidden"> waiting</span>
                </span>
              )}
            </NavLink>
          )}
        </nav>
      )}
    </div>
  );
}
