import type { ComponentChildren } from 'preact';
import { useSignal } from '@preact/signals';
import { hasRole, type User } from '../../../shared/auth.js';
import { describeFailure } from '../lib/failure-text.js';
import { currentPath, isPlainClick, navigate } from '../lib/router.js';
import { signOut } from '../lib/session.js';
import { Banners } from './banners.js';
import { OutboxPanel } from './outbox-panel.js';
import { PendingChip } from './pending-chip.js';

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
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** The frame around every screen: header with the pending chip, banners, outbox, bottom navigation. */
export function Layout({ user, children }: { user: User; children: ComponentChildren }) {
  const error = useSignal<string | null>(null);
  return (
    <div class="layout">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">ParkOps</span>
        <PendingChip />
        <button
          type="button"
          class="link-button"
          onClick={() =>
            signOut().then(
              () => navigate('/', { replace: true }),
              (failure: unknown) => (error.value = `Not signed out: ${describeFailure(failure)}`),
            )
          }
        >
          Sign out <span class="small muted">({user.username})</span>
        </button>
      </header>
      <Banners />
      {error.value && (
        <p class="banner banner-error" role="alert">
          {error.value}
        </p>
      )}
      <OutboxPanel />
      {children}
      <nav class="tabs" aria-label="Main">
        <NavLink href="/">Dashboard</NavLink>
        <NavLink href="/entry">Car in</NavLink>
        <NavLink href="/exit">Car out</NavLink>
        {hasRole(user.role, 'manager') && <NavLink href="/settings">Settings</NavLink>}
      </nav>
    </div>
  );
}
