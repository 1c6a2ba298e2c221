// Live regions. They stay in the DOM while empty so that screen readers announce new content.
import { useEffect, useRef, type ReactNode } from 'react';

/** Errors of a whole form (server refusals, network failures): announced at once. */
export function FormAlert({ message, focusOnChange = true }: { message: string | null; focusOnChange?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && focusOnChange) ref.current?.focus();
  }, [message, focusOnChange]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={message ? 'alert' : 'alert empty'}>
      {message}
    </div>
  );
}

/** Confirmations and progress, announced politely. */
export function StatusMessage({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="status" className={className ?? 'status-message'}>
      {children}
    </div>
  );
}

export function SubmitButton({ busy, children, busyLabel }: { busy: boolean; children: ReactNode; busyLabel?: string }) {
  // Not `disabled`: a disabled button loses focus and a keyboard user loses their place.
  return (
    <button type="submit" className="primary" aria-disabled={busy || undefined}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
