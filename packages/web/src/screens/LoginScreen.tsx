import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid, hasErrors } from '../ui/forms.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { validateEmail } from '../ui/validation.ts';

export function LoginScreen({ offline }: { offline: boolean }) {
  const controller = useController();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next: { email?: string; password?: string } = {};
    const emailError = validateEmail(email);
    if (emailError) next.email = emailError;
    if (!password) next.password = 'Veuillez saisir votre mot de passe.';
    setErrors(next);
    setAlert(null);
    if (hasErrors(next)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await controller.login(email.trim(), password);
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>Se connecter</ScreenTitle>
      {offline ? (
        <p className="notice">
          Le serveur est injoignable. La première connexion sur un appareil a besoin du réseau ; ensuite, Relais
          fonctionne sans connexion.
        </p>
      ) : null}
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <FormAlert message={alert} />
        <TextField label="E-mail" type="email" value={email} onValue={setEmail} error={errors.email} autoComplete="username" inputMode="email" />
        <TextField label="Mot de passe" type="password" value={password} onValue={setPassword} error={errors.password} autoComplete="current-password" />
        <SubmitButton busy={busy} busyLabel="Connexion en cours…">
          Se connecter
        </SubmitButton>
        <StatusMessage>{busy ? 'Ouverture de vos clés de chiffrement, veuillez patienter…' : ''}</StatusMessage>
      </form>
      <ul className="links">
        <li>
          <Link href={paths.recovery}>Mot de passe oublié ?</Link>
        </li>
        <li>
          <Link href={paths.createOrganisation}>Créer une autre organisation</Link>
        </li>
      </ul>
    </main>
  );
}
