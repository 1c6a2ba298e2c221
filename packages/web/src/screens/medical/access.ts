// Whether this session may show the dossier médical: the member is a health professional and the
// session holds the medical key (an administrator holds it to seal it to others, decision 014,
// and their data Worker is never given it: session/controller.ts).
import { useWorkspace } from '../../app/context.ts';

export function useMedicalAccess(): boolean {
  const { session, workspace } = useWorkspace();
  return session.me.user.healthProfessional && workspace.keyring.has('medical');
}
