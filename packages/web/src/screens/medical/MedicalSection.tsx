// « Dossier médical » on a person's file: the medical fields of the person, consultations,
// traitements and commentaires médicaux. Rendered only for a health professional; one whose
// session does not hold the medical key yet is told when it will open (decision 017). For anyone
// else nothing of it exists on the page (no heading, no placeholder), as nothing of it exists on
// their device.
import { useId } from 'react';
import { useMedicalAccess } from './access.ts';
import { Consultations } from './Consultations.tsx';
import { MedicalComments } from './MedicalComments.tsx';
import { MedicalFields } from './MedicalFields.tsx';
import { Treatments } from './Treatments.tsx';
import './medical.css';

export const MEDICAL_KEY_WAITING =
  "Votre accès au dossier médical s'ouvrira dès qu'un autre professionnel de santé de votre organisation se connectera : son appareil vous transmettra la clé du dossier médical.";

export function MedicalSection({ personId }: { personId: string }) {
  const access = useMedicalAccess();
  const headingId = useId();
  if (access === 'none') return null;
  if (access === 'waiting') {
    return (
      <section aria-labelledby={headingId} className="file-section medical-file" id="dossier-medical">
        <h2 id={headingId}>Dossier médical</h2>
        <p className="hint">{MEDICAL_KEY_WAITING}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId} className="file-section medical-file" id="dossier-medical">
      <h2 id={headingId}>Dossier médical</h2>
      <p className="hint">Chiffré avec la clé médicale : seuls les professionnels de santé de votre organisation y ont accès.</p>
      <MedicalFields personId={personId} />
      <Consultations personId={personId} />
      <Treatments personId={personId} />
      <MedicalComments personId={personId} />
    </section>
  );
}
