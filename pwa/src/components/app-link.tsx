import type { ComponentChildren } from 'preact';
import { isPlainClick, navigate } from '../lib/router.js';

/**
 * A link to another screen of the app, opened without reloading (a plain tap; a long press, a
 * middle click or ctrl+click still opens it the browser's way).
 * @example <AppLink class="button" href="/shift">Open your shift</AppLink>
 */
export function AppLink({ href, children, ...rest }: { href: string; children: ComponentChildren; class?: string; 'data-testid'?: string }) {
  return (
    <a
      {...rest}
      href={href}
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
