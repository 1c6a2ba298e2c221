import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { CheckboxField, TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid, hasErrors } from '../ui/forms.ts';
import { PasswordFields, validatePasswordPair, type PasswordPair } from '../ui/PasswordFields.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { validateEmail } from '../ui/validation.ts';

interface Errors {
  organisationName?: string;
  name?: string;
  email?: string;
  password?: string;
  confirmation?: string;
}

export function CreateOrganisationScreen({ fresh }: { fresh: boolean | null }) {
  const controller = useController();
  const form = useRef<HTMLFormElement>(null);
  const [organisationName, setOrganisationName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [healthProfessional, setHealthProfessional] = useState(false);
  const [passwords, setPasswords] = useState<PasswordPair>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next: Errors = { ...validatePasswordPair(passwords) };
    if (organisationName.trim().length < 2) next.organisationName = "Veuillez indiquer le nom de l'organisation (au moins 2 caractères).";
    else if (organisationName.trim().length > 120) next.organisationName = "Le nom de l'organisation ne doit pas dépasser 120 caractères.";
    if (!name.trim()) next.name = 'Veuillez indiquer votre nom.';
    const emailError = validateEmail(email);
    if (emailError) next.email = emailError;
    setErrors(next);
    setAlert(null);
    if (hasErrors({ ...next })) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await controller.createOrganisation({
        organisationName: organisationName.trim(),
        name: name.trim(),
        email: email.trim(),
        healthProfessional,
        password: passwords.password,
      });
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>Créer une organisation</ScreenTitle>
      <p>
        Vous créez l'espace de votre équipe et en devenez administrateur ou administratrice. Les données des personnes
        sont chiffrées sur vos appareils : le serveur ne peut pas les lire.
      </p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <FormAlert message={alert} />
        <TextField label="Nom de l'organisation" value={organisationName} onValue={setOrganisationName} error={errors.organisationName} autoComplete="organization" />
        <TextField label="Votre nom" value={name} onValue={setName} error={errors.name} autoComplete="name" />
        <TextField label="E-mail" type="email" value={email} onValue={setEmail} error={errors.email} autoComplete="email" inputMode="email" />
        <CheckboxField
          label="Je suis professionnel de santé"
          checked={healthProfessional}
          onChecked={setHealthProfessional}
          hint="Seuls les professionnels de santé détiennent la clé du dossier médical. Sinon, elle sera créée par le premier professionnel de santé de votre organisation."
        />
        <PasswordFields value={passwords} onChange={setPasswords} errors={errors} />
        <SubmitButton busy={busy} busyLabel="Création en cours…">
          Créer l'organisation
        </SubmitButton>
        <StatusMessage>{busy ? 'Création des clés de chiffrement sur cet appareil, veuillez patienter…' : ''}</StatusMessage>
      </form>
      {fresh === false || fresh === null ? (
        <p className="links">
          <Link href={paths.login}>J'ai déjà un compte : se connecter</Link>
        </p>
      ) : null}
    </main>
  );
}
