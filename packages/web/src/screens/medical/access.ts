// Whether this session may show the dossier médical: the member is a health professional and the
// session holds the medical key. Nobody else ever holds it (decision 017); a health professional
// may lack it for a while (the first one to connect creates it, a holder's device seals it to the
// others), and then sees why instead of an empty file.
import { useWorkspace } from '../../app/context.ts';

export type MedicalAccess = 'none' | 'waiting' | 'open';

export function medicalAccess(healthProfessional: boolean, holdsMedicalKey: boolean): MedicalAccess {
  if (!healthProfessional) return 'none';
  return holdsMedicalKey ? 'open' : 'waiting';
}

export function useMedicalAccess(): MedicalAccess {
  const { session, workspace } = useWorkspace();
  return medicalAccess(session.me.user.healthProfessional, workspace.keyring.has('medical'));
}
