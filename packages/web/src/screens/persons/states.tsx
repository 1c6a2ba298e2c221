// What a person screen shows before its record is decrypted, or when it is not on this device.
import { Link } from '../../app/router.tsx';
import { StatusMessage } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { personPaths } from './paths.ts';

export function Loading() {
  return (
    <main id="main">
      <StatusMessage>Chargement…</StatusMessage>
    </main>
  );
}

export function Missing() {
  return (
    <main id="main">
      <ScreenTitle>Personne introuvable</ScreenTitle>
      <p>
        Cette personne n'existe pas sur cet appareil, ou elle a été mise à la corbeille. Si elle a été créée sur un autre
        appareil, elle apparaîtra après la prochaine synchronisation.
      </p>
      <p>
        <Link href={personPaths.list}>Retour à la liste des personnes</Link>
      </p>
    </main>
  );
}
