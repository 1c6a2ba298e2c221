import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid, hasErrors } from '../ui/forms.ts';
import { PasswordFields, validatePasswordPair, type PasswordPair } from '../ui/PasswordFields.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { validateEmail } from '../ui/validation.ts';

interface Errors {
  email?: string;
  code?: string;
  password?: string;
  confirmation?: string;
}

export function RecoveryScreen() {
  const controller = useController();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [passwords, setPasswords] = useState<PasswordPair>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next: Errors = { ...validatePasswordPair(passwords) };
    const emailError = validateEmail(email);
    if (emailError) next.email = emailError;
    if (!code.trim()) next.code = 'Veuillez saisir le code de secours.';
    setErrors(next);
    setAlert(null);
    if (hasErrors({ ...next })) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await controller.recover({ email: email.trim(), code, password: passwords.password });
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>Mot de passe oublié</ScreenTitle>
      <p>
        Le code de secours, affiché une seule fois à la création de l'organisation, vous permet de choisir un nouveau mot
        de passe sans perdre l'accès aux données chiffrées.
      </p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <FormAlert message={alert} />
        <TextField label="E-mail" type="email" value={email} onValue={setEmail} error={errors.email} autoComplete="username" inputMode="email" />
        <TextField
          label="Code de secours"
          value={code}
          onValue={setCode}
          error={errors.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          hint="25 lettres et chiffres, par exemple ABCDE-12345-…"
        />
        <PasswordFields label="Nouveau mot de passe" value={passwords} onChange={setPasswords} errors={errors} />
        <SubmitButton busy={busy} busyLabel="Réinitialisation en cours…">
          Réinitialiser le mot de passe
        </SubmitButton>
        <StatusMessage>{busy ? 'Création de vos nouvelles clés, veuillez patienter…' : ''}</StatusMessage>
      </form>
      <p className="links">
        <Link href={paths.login}>Retour à la connexion</Link>
      </p>
    </main>
  );
}
