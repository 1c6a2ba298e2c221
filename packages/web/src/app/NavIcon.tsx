// Small line icons for the bottom bar; decorative (the label says it all), hidden from assistive tech.
const PATHS: Record<string, string> = {
  '/personnes': 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8c0-3.3 3.1-6 7-6s7 2.7 7 6',
  '/actions': 'M4 6h3M4 12h3M4 18h3M10 6h10M10 12h10M10 18h10',
  '/transmissions': 'M4 5h16v11H9l-5 4V5Z',
  '/accueil': 'M3 11l9-7 9 7v9h-6v-6H9v6H3v-9Z',
  '/passages': 'M6 20V4h12v16M10 12h.01',
  '/rencontres': 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2 20c0-3 2.7-5 6-5s6 2 6 5m0-5c1-.6 2-.9 2-.9 3.3 0 6 2 6 5',
  '/comptes-rendus': 'M6 3h9l4 4v14H6V3Zm3 8h7M9 15h7',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

export function NavIcon({ name }: { name: string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[name] ?? PATHS.more} fill="none" stroke="currentColor" strokeWidth={name === 'more' ? 3.5 : 2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
