import { useRef, useState, type FormEvent } from 'react';
import type { Me } from '@relais/core/protocol';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid } from '../ui/forms.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { LogoutButton } from './LogoutButton.tsx';

/** Works without network: the password opens the private key cached on this device. */
export function UnlockScreen({ me }: { me: Me }) {
  const controller = useController();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!password) {
      setError('Veuillez saisir votre mot de passe.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await controller.unlock(password);
    } catch (e) {
      setAlert(errorMessage(e));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>Déverrouiller Relais</ScreenTitle>
      <p>
        Relais est verrouillé : les clés de chiffrement ont été effacées de la mémoire. Saisissez votre mot de passe pour
        continuer, même sans réseau.
      </p>
      <dl className="account">
        <dt>Organisation</dt>
        <dd>{me.organisation.name}</dd>
        <dt>Compte</dt>
        <dd>{me.user.email}</dd>
      </dl>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <FormAlert message={alert} />
        <input type="email" autoComplete="username" value={me.user.email} readOnly hidden />
        <TextField label="Mot de passe" type="password" value={password} onValue={setPassword} error={error} autoComplete="current-password" autoFocus />
        <SubmitButton busy={busy} busyLabel="Déverrouillage…">
          Déverrouiller
        </SubmitButton>
        <StatusMessage>{busy ? 'Ouverture de vos clés de chiffrement, veuillez patienter…' : ''}</StatusMessage>
      </form>
      <LogoutButton />
    </main>
  );
}
