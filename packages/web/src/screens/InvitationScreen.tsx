import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Role } from '@relais/core/protocol';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { Link, navigate, useLocation } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { parseInvitationFragment } from '../app/routes.ts';
import { TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid, hasErrors } from '../ui/forms.ts';
import { ROLE_LABELS } from '../ui/labels.ts';
import { PasswordFields, validatePasswordPair, type PasswordPair } from '../ui/PasswordFields.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

interface Opened {
  organisationName: string;
  email: string;
  role: Role;
}

interface Errors {
  name?: string;
  password?: string;
  confirmation?: string;
}

export function InvitationScreen() {
  const controller = useController();
  const location = useLocation();
  const invitation = parseInvitationFragment(new URL(location, 'http://x').hash);
  const form = useRef<HTMLFormElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [passwords, setPasswords] = useState<PasswordPair>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const id = invitation?.id;
  const secret = invitation?.secret;
  useEffect(() => {
    if (!id || !secret) return;
    let cancelled = false;
    controller.api.openInvitation(id, secret).then(
      (value) => {
        if (!cancelled) setOpened(value);
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(errorMessage(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [controller, id, secret]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !invitation) return;
    const next: Errors = { ...validatePasswordPair(passwords) };
    if (!name.trim()) next.name = 'Veuillez indiquer votre nom.';
    setErrors(next);
    setAlert(null);
    if (hasErrors({ ...next })) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await controller.acceptInvitation({ invitationId: invitation.id, secret: invitation.secret, name: name.trim(), password: passwords.password });
      // The secret must not stay in the address bar or the history once used.
      navigate('/', { replace: true });
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>Invitation</ScreenTitle>
      {!invitation || loadError ? (
        <>
          <FormAlert
            message={loadError ?? "Ce lien d'invitation est incomplet : vérifiez que vous avez copié le lien en entier."}
            focusOnChange={false}
          />
          <p>
            <Link href={paths.login}>Aller à la connexion</Link>
          </p>
        </>
      ) : !opened ? (
        <StatusMessage>Vérification de l'invitation…</StatusMessage>
      ) : (
        <>
          <p>
            Vous êtes invité(e) à rejoindre <strong>{opened.organisationName}</strong> avec l'adresse{' '}
            <strong>{opened.email}</strong>, avec le rôle « {ROLE_LABELS[opened.role]} ».
          </p>
          <p>Choisissez votre mot de passe : il chiffre vos clés sur cet appareil et n'est jamais envoyé au serveur.</p>
          <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
            <FormAlert message={alert} />
            <input type="email" autoComplete="username" value={opened.email} readOnly hidden />
            <TextField label="Votre nom" value={name} onValue={setName} error={errors.name} autoComplete="name" />
            <PasswordFields value={passwords} onChange={setPasswords} errors={errors} />
            <SubmitButton busy={busy} busyLabel="Création du compte…">
              Rejoindre l'organisation
            </SubmitButton>
            <StatusMessage>{busy ? 'Création de vos clés de chiffrement, veuillez patienter…' : ''}</StatusMessage>
          </form>
        </>
      )}
    </main>
  );
}
