// The frame around every screen once unlocked: the header (organisation, lock, logout), the main
// navigation (a bottom bar with the four daily screens and « Plus » for the rest, usable at
// 360 px and with the keyboard), the sync status, then the screen.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useController, useWorkspace } from './context.ts';
import { FEATURES } from './features.ts';
import { isCurrent, navModel } from './navigation.ts';
import { NavIcon } from './NavIcon.tsx';
import { Link, useLocation } from './router.tsx';
import { SyncStatusBar } from './SyncStatusBar.tsx';
import { useSettings } from '../data/hooks.ts';
import { LogoutButton } from '../screens/LogoutButton.tsx';

export function Shell({ children }: { children: ReactNode }) {
  const controller = useController();
  const { session } = useWorkspace();
  const settings = useSettings();
  const path = new URL(useLocation(), 'http://x').pathname;
  const role = session.me.user.role;
  const { bar, more } = navModel(FEATURES, role, settings.modules);
  const adminLinks = more.filter((e) => e.roles?.length === 1 && e.roles[0] === 'admin');
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const plusButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const moreCurrent = more.some((e) => isCurrent(e, path));

  // A navigation closes the menu.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('a, button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      plusButton.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !menu.current?.contains(target) && !plusButton.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <>
      <a className="skip-link" href="#main">
        Aller au contenu
      </a>
      <header className="app-header">
        <div className="brand-row">
          <p className="brand">
            Relais <span className="org">{session.me.organisation.name}</span>
          </p>
          <div className="session-actions">
            <button type="button" className="secondary small" onClick={() => controller.lock()}>
              Verrouiller
            </button>
            <LogoutButton className="secondary small" />
          </div>
        </div>
      </header>
      <nav aria-label="Navigation principale" className="main-nav">
        {adminLinks.length > 0 ? (
          <ul className="admin-links">
            {adminLinks.map((entry) => (
              <li key={entry.href}>
                <Link href={entry.href} aria-current={isCurrent(entry, path) ? 'page' : undefined}>
                  {entry.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <ul className="bottom-bar">
          {bar.map((entry) => (
            <li key={entry.href}>
              <Link href={entry.href} aria-current={isCurrent(entry, path) ? 'page' : undefined}>
                <NavIcon name={entry.href} />
                <span>{entry.label}</span>
              </Link>
            </li>
          ))}
          <li>
            <button
              ref={plusButton}
              type="button"
              aria-expanded={open}
              aria-controls={menuId}
              className={moreCurrent ? 'plus current' : 'plus'}
              onClick={() => setOpen((value) => !value)}
            >
              <NavIcon name="more" />
              <span>Plus</span>
            </button>
          </li>
        </ul>
        <div id={menuId} ref={menu} className="plus-menu" hidden={!open}>
          <ul>
            {more.map((entry) => (
              <li key={entry.href}>
                <Link href={entry.href} aria-current={isCurrent(entry, path) ? 'page' : undefined} onClick={() => setOpen(false)}>
                  {entry.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className="plus-session">
            <button type="button" className="secondary" onClick={() => controller.lock()}>
              Verrouiller
            </button>
            <LogoutButton />
          </div>
        </div>
      </nav>
      <SyncStatusBar />
      <div className={adminLinks.length > 0 ? 'shell-body with-admin-links' : 'shell-body'}>{children}</div>
    </>
  );
}
